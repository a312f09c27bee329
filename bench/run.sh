#!/usr/bin/env bash
# Pollwatch benchmarks, side by side with PostgreSQL's own limit.
#
# Builds the app, recreates the database pollwatch_bench, starts the packaged app in prod mode on a
# free port, measures startup, then runs each benchmark against 127.0.0.1 only:
#   post        POST /polls (wrk, 8 connections), also seeds >= SEED_POLLS polls, vs pgbench bench/poll_insert.sql
#   get         GET /polls/{id}                  vs pgbench bench/poll_by_id.sql
#   list        GET /polls?pollster&from&topic   vs pgbench bench/poll_list.sql
#   comparison  GET /polls/{id}/questions/{qid}/comparison vs pgbench bench/comparison_raw.sql
#   trend       GET /series/{key}/trend over a series of TREND_POLLS polls (imported first)
#   auth        POST /polls with an issued pollster key vs the bootstrap key, alternated, plus a JFR
#               profile of each: the cost of authentication on the write path (not in the default set)
#   import      POST /imports/fivethirtyeight of IMPORT_ROWS rows vs psql \copy of the same file, and vs
#               PostgreSQL writing the same polls set by set (bench/import_floor*.sql)
# and finally the RSS of the app. Benchmarks whose endpoints the app does not serve are reported
# as "pending". Everything is bounded by DURATION (seconds per measured run) and request counts.
#
# Environment (all optional):
#   DURATION=20 WARMUP=5 POST_WARMUP=30 CONNECTIONS=8 SKIP_BUILD=1 JAVA_OPTS="..." BENCHES="post get list ..."
#   PROFILE=post|get|list|comparison|trend|import   record a 30 s JFR during that benchmark (profile.jfr)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres OUT=bench/results/<utc stamp>
#   BENCH_DB=pollwatch_bench PORT=<free one> AUTH_ROUNDS=2 (key/bootstrap rounds, ABBA order)
# Output: $OUT/summary.md (tables), $OUT/run.log, raw wrk/pgbench outputs, app.log, explain.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
export BENCH_DIR=$ROOT/bench
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-8}
POST_DURATION=${POST_DURATION:-15}
# writes need an API key: the instance accepts this one as its bootstrap administrator key
export BENCH_API_KEY=${BENCH_API_KEY:-bench-bootstrap-admin-key-not-for-production}
BENCH_KEYS_SECRET=${BENCH_KEYS_SECRET:-bench-key-secret-not-for-production-use}
# The write path needs a longer warm-up: JFR shows the C2 compiler still busy after 5-10 s of POSTs,
# and throughput kept rising for about a minute.
POST_WARMUP=${POST_WARMUP:-60}
SEED_POLLS=${SEED_POLLS:-10000}
# the load comes from one address and key at thousands of writes a second: limits far above that
# keep the rate-limit filter on the path (as in production) without refusing the benchmark's writes
RATE_LIMIT=${RATE_LIMIT:-100000000}
POLLSTERS=${POLLSTERS:-20}
TREND_POLLS=${TREND_POLLS:-10000}
IMPORT_ROWS=${IMPORT_ROWS:-100000}
BENCHES=${BENCHES:-post get list comparison trend import}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-pollwatch_bench}
OUT=${OUT:-$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SUMMARY=$OUT/summary.md
CSV_SOURCE=$ROOT/src/test/resources/fivethirtyeight-covid/covid_approval_polls_biden_all.csv

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$DB" "$@"; }
since_ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
per_second() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n * 1000 / ms }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
met() { if ge "$1" "$2"; then echo met; else echo "not met"; fi; }
row() { local out="|" cell; for cell in "$@"; do out+=" $cell |"; done; echo "$out" >> "$SUMMARY"; }

# Parses the RESULT line of bench/report.lua into shell variables (requests, rps, p50_ms, p99_ms, ...).
wrk_result() { eval "$(grep '^RESULT' "$1" | cut -d' ' -f2-)"; }
# pgbench transactions per second (excluding connection time).
pgbench_tps() { awk '/^tps = / { print $3; exit }' "$1"; }
pgbench_latency() { awk '/^latency average = / { print $4; exit }' "$1"; }

run_wrk() { # name script connections duration [extra wrk args]
    local name=$1 script=$2 conns=$3 secs=$4
    shift 4
    wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$BENCH_DIR/$script" "$@" "$BASE" > "$OUT/$name.wrk.txt" 2>&1
    wrk_result "$OUT/$name.wrk.txt"
    log "$name: ${rps} req/s, p50 ${p50_ms} ms, p99 ${p99_ms} ms, errors ${errors}, non-2xx ${non2xx}"
    TOTAL_REQUESTS=$((TOTAL_REQUESTS + requests))
}

serves() { grep -qF "\"$1\"" "$OUT/openapi.json"; }

profile_start() {
    if [ "${PROFILE:-}" = "$1" ]; then
        jcmd "$APP_PID" JFR.start name=bench duration=30s filename="$OUT/profile.jfr" settings=profile >> "$OUT/run.log" 2>&1
    fi
}

cleanup() {
    if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

# --- Machine -------------------------------------------------------------------------------------
{
    echo "# Pollwatch benchmark run"
    echo
    echo "- date: $(date -u)"
    echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
    echo "- JDK: $(java -version 2>&1 | head -1)"
    echo "- PostgreSQL: $(psql -X -At -d postgres -c 'show server_version')"
    echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- settings: DURATION=${DURATION}s WARMUP=${WARMUP}s CONNECTIONS=$CONNECTIONS JAVA_OPTS='${JAVA_OPTS:-}'"
    echo
} > "$SUMMARY"

# --- Build, database, start ------------------------------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then
    log "building"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests) > "$OUT/build.log" 2>&1
fi
log "recreating database $DB"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB" -c "create database $DB"

PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE=http://127.0.0.1:$PORT
log "starting the app on port $PORT"
START_NS=$(date +%s%N)
# shellcheck disable=SC2086
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
    POLLWATCH_KEYS_SECRET=$BENCH_KEYS_SECRET POLLWATCH_ADMIN_BOOTSTRAP_KEY=$BENCH_API_KEY \
    POLLWATCH_RATE_LIMITS_WRITES_PER_KEY=$RATE_LIMIT POLLWATCH_RATE_LIMITS_WRITES_PER_ADDRESS=$RATE_LIMIT \
    java -XX:+FlightRecorder ${JAVA_OPTS:-} -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$OUT/app.log" 2>&1 &
APP_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready")" = 200 ]; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the app exited; see $OUT/app.log"; exit 1; }
    [ $(( ($(date +%s%N) - START_NS) / 1000000 )) -lt 60000 ] || { log "not ready after 60 s"; exit 1; }
    sleep 0.005
done
STARTUP_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
log "ready after $STARTUP_MS ms (process start to first 200 from /q/health/ready)"
curl -sf "$BASE/q/openapi?format=json" > "$OUT/openapi.json"
TOTAL_REQUESTS=0

echo "| benchmark | Pollwatch | PostgreSQL alone | ratio | goal | result |" >> "$SUMMARY"
echo "|---|---|---|---|---|---|" >> "$SUMMARY"

# --- POST /polls (and seeding) ----------------------------------------------------------------------
log "registering $POLLSTERS pollsters"
for i in $(seq -w 1 "$POLLSTERS"); do
    curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_API_KEY" -H 'Content-Type: application/json' \
        -d "{\"slug\":\"bench-pollster-$i\",\"name\":\"Bench Pollster $i\",\"website\":\"https://example.org/$i\",\"country\":\"US\"}" \
        "$BASE/pollsters"
done
export BENCH_POLLSTERS=$POLLSTERS
if [[ " $BENCHES " == *" post "* ]]; then
    run_wrk post-warmup post_polls.lua "$CONNECTIONS" "$POST_WARMUP"
    # This server runs with autovacuum off: refresh the planner statistics of the tables the warm-up
    # filled, as autovacuum would on a default PostgreSQL, so the measured run does not use plans
    # made for empty tables.
    sql -c 'analyze'
    profile_start post
    run_wrk post post_polls.lua "$CONNECTIONS" "$POST_DURATION"
    POST_RPS=$rps POST_TEXT="$rps polls/s, p50 $p50_ms ms, p99 $p99_ms ms"
fi
# --- Authentication on the write path -------------------------------------------------------------------
# Goal: authentication costs < 10 % of POST /polls throughput. The service has (rightly) no switch
# that turns authentication off, so "without" is measured in two parts, in this run:
#  1. verification: the same POST /polls load (all polls to one pollster) with an issued pollster key
#     (HMAC-SHA256 of the key plus its row read by prefix on every request, the production path) and
#     with the bootstrap administrator key (a constant-time comparison, no database), in rounds
#     ordered key, bootstrap, bootstrap, key, ... so that drift (JIT, table growth) cancels out.
#     Each round is measured in CPU time per request, of the app and of the PostgreSQL backends of
#     its database (/proc/<pid>/stat), as well as in requests per second: on a saturated machine
#     throughput is CPU per request, and CPU time moves much less with what else the machine runs
#     than wall-clock throughput on a shared machine (which moved by a factor of 3 between rounds).
#     verification cost = 1 - cpu(bootstrap key) / cpu(issued key), PostgreSQL's share included.
#  2. what both keys still pay (Bearer parsing, the identity provider and its hop to a worker thread,
#     the role and path-permission checks): the share of the app's CPU samples spent in authentication
#     (JFR, a separate round per key after the measured ones; attribution below), in the bootstrap
#     round, times the app's part of the CPU per request.
#  total = 1 + 2, as a share of the issued key's CPU per request, against the goal. Comparing GET
#  /polls/{id} with and without a key measures nothing here: authentication is not proactive
#  (quarkus.http.auth.proactive=false), so a GET never verifies the key; the run checks that (a
#  revoked key still reads: 200) and that the issued key is verified on every request (once revoked,
#  every POST with it gets 401 at once).
# A CPU sample counts as authentication when, reading its stack from the innermost frame, the first
# frame of the service or of the HTTP/REST/ORM layers is an authentication frame: the resource method
# runs inside security frames (interceptors, the callback that resumes the request once the identity
# is known), so "an authentication frame anywhere on the stack" would count the whole request.
export AUTH_FRAMES='org\.pollwatch\.accounts\.security\.|org\.pollwatch\.accounts\.service\.(KeyCodec|AccountQueries\.(byPrefix|touch))|io\.quarkus\.security\.|io\.quarkus\.vertx\.http\.runtime\.security\.|io\.quarkus\.vertx\.core\.runtime\.security\.|io\.quarkus\.resteasy\.reactive\.server\.runtime\.security\.'
export OTHER_FRAMES='org\.pollwatch\.|org\.jboss\.resteasy\.reactive\.|io\.quarkus\.resteasy\.reactive\.|io\.quarkus\.vertx\.http\.runtime\.|io\.quarkus\.hibernate|org\.hibernate\.|com\.fasterxml\.'
# Prints "<percent> <authentication samples> <samples>" of a recording's jdk.ExecutionSample events.
auth_share() {
    jfr print --events jdk.ExecutionSample --stack-depth 256 "$1" | awk '
        BEGIN { auth = "^(" ENVIRON["AUTH_FRAMES"] ")"; other = "^(" ENVIRON["OTHER_FRAMES"] ")" }
        /^jdk\.ExecutionSample/ { n++; decided = 0; next }
        decided || !/^    [a-zA-Z]/ { next }
        $1 ~ auth { hit++; decided = 1; next }
        $1 ~ other { decided = 1 }
        END { if (n) printf "%.1f %d %d", 100 * hit / n, hit, n; else print "0 0 0" }'
}
# "pid app|pg ticks": CPU time so far of the app and of the PostgreSQL backends serving $DB.
cpu_snapshot() {
    local pid
    for pid in "$APP_PID" $(sql -c "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()"); do
        [ -r "/proc/$pid/stat" ] || continue
        awk -v pid="$pid" -v app="$APP_PID" '{ sub(/^.*\) /, ""); print pid, (pid == app ? "app" : "pg"), $12 + $13 }' "/proc/$pid/stat"
    done
}
# "app_ms pg_ms" of CPU between two snapshots (a backend started in between counts from zero).
cpu_delta() {
    awk -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $3; next }
        { d = $3 - (($1 in before) ? before[$1] : 0); if ($2 == "app") app += d; else pg += d }
        END { printf "%.0f %.0f", app * 1000 / hz, pg * 1000 / hz }' "$1" "$2"
}
if [[ " $BENCHES " == *" auth "* ]]; then
    AUTH_KEY_JSON=$(curl -sf -H "Authorization: Bearer $BENCH_API_KEY" -H 'Content-Type: application/json' \
        -d '{"name":"bench auth","role":"pollster","pollster":"bench-pollster-01"}' "$BASE/admin/keys")
    AUTH_KEY=$(jq -r .key <<< "$AUTH_KEY_JSON") AUTH_KEY_ID=$(jq -r .id <<< "$AUTH_KEY_JSON")
    ADMIN_KEY=$BENCH_API_KEY
    AUTH_ROUNDS=${AUTH_ROUNDS:-2}
    auth_round() { # name key: sets requests, duration_s, rps, app_ms, pg_ms
        cpu_snapshot > "$OUT/$1.cpu-before"
        BENCH_API_KEY=$2 BENCH_POLLSTERS=1 run_wrk "$1" post_polls.lua "$CONNECTIONS" "$DURATION"
        cpu_snapshot > "$OUT/$1.cpu-after"
        read -r app_ms pg_ms <<< "$(cpu_delta "$OUT/$1.cpu-before" "$OUT/$1.cpu-after")"
        log "$1: CPU $(awk -v a="$app_ms" -v p="$pg_ms" -v n="$requests" 'BEGIN { printf "%.3f ms app + %.3f ms PostgreSQL", a / n, p / n }') per request"
        [ "$non2xx" = 0 ] && [ "$errors" = 0 ] || log "$1: $non2xx non-2xx answers, $errors errors"
    }
    BENCH_API_KEY=$AUTH_KEY BENCH_POLLSTERS=1 run_wrk auth-warmup-key post_polls.lua "$CONNECTIONS" "$POST_WARMUP"
    BENCH_API_KEY=$ADMIN_KEY BENCH_POLLSTERS=1 run_wrk auth-warmup-bootstrap post_polls.lua "$CONNECTIONS" "$WARMUP"
    sql -c 'analyze'
    key_requests=0 key_seconds=0 boot_requests=0 boot_seconds=0 rounds_text=""
    key_app=0 key_pg=0 boot_app=0 boot_pg=0
    for round in $(seq 1 "$AUTH_ROUNDS"); do
        if [ $((round % 2)) = 1 ]; then order="key bootstrap"; else order="bootstrap key"; fi
        for arm in $order; do
            if [ "$arm" = key ]; then auth_round "auth-$round-key" "$AUTH_KEY"; else auth_round "auth-$round-bootstrap" "$ADMIN_KEY"; fi
            if [ "$arm" = key ]; then
                key_requests=$((key_requests + requests)) key_seconds=$(awk -v a="$key_seconds" -v b="$duration_s" 'BEGIN { print a + b }')
                key_app=$((key_app + app_ms)) key_pg=$((key_pg + pg_ms))
            else
                boot_requests=$((boot_requests + requests)) boot_seconds=$(awk -v a="$boot_seconds" -v b="$duration_s" 'BEGIN { print a + b }')
                boot_app=$((boot_app + app_ms)) boot_pg=$((boot_pg + pg_ms))
            fi
            rounds_text+="$arm ${rps}/s $(awk -v c="$((app_ms + pg_ms))" -v n="$requests" 'BEGIN { printf "%.3f", c / n }') ms, "
        done
    done
    key_rps=$(awk -v n="$key_requests" -v s="$key_seconds" 'BEGIN { printf "%.0f", n / s }')
    boot_rps=$(awk -v n="$boot_requests" -v s="$boot_seconds" 'BEGIN { printf "%.0f", n / s }')
    per_request() { awk -v c="$1" -v n="$2" 'BEGIN { printf "%.3f", c / n }'; }
    key_cpu=$(per_request $((key_app + key_pg)) "$key_requests") boot_cpu=$(per_request $((boot_app + boot_pg)) "$boot_requests")
    key_app_cpu=$(per_request "$key_app" "$key_requests") key_pg_cpu=$(per_request "$key_pg" "$key_requests")
    boot_app_cpu=$(per_request "$boot_app" "$boot_requests") boot_pg_cpu=$(per_request "$boot_pg" "$boot_requests")
    verify_pct=$(awk -v k="$key_cpu" -v b="$boot_cpu" 'BEGIN { printf "%.1f", 100 * (1 - b / k) }')
    rps_pct=$(awk -v k="$key_rps" -v b="$boot_rps" 'BEGIN { printf "%.1f", 100 * (1 - k / b) }')
    log "auth: issued key $key_rps polls/s, $key_cpu ms CPU per request; bootstrap key $boot_rps polls/s, $boot_cpu ms; verification cost $verify_pct % of CPU ($rps_pct % of throughput) (rounds: ${rounds_text%, })"
    # profiles, one round per key, outside the measured rounds
    for arm in key bootstrap; do
        if [ "$arm" = key ]; then k=$AUTH_KEY; else k=$ADMIN_KEY; fi
        jcmd "$APP_PID" JFR.start name="auth-$arm" settings=profile >> "$OUT/run.log" 2>&1
        auth_round "auth-profile-$arm" "$k"
        jcmd "$APP_PID" JFR.stop name="auth-$arm" filename="$OUT/auth-$arm.jfr" >> "$OUT/run.log" 2>&1
    done
    read -r key_share key_hits key_samples <<< "$(auth_share "$OUT/auth-key.jfr")"
    read -r boot_share boot_hits boot_samples <<< "$(auth_share "$OUT/auth-bootstrap.jfr")"
    log "auth JFR: authentication frames in $key_hits of $key_samples CPU samples ($key_share %) with the issued key, $boot_hits of $boot_samples ($boot_share %) with the bootstrap key"
    total_pct=$(awk -v v="$verify_pct" -v f="$boot_share" -v a="$boot_app_cpu" -v k="$key_cpu" 'BEGIN { printf "%.1f", v + f * a / k }')
    # the checks behind the method: a revoked key is refused on the next POST, and a GET does not verify keys
    curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN_KEY" -X DELETE "$BASE/admin/keys/$AUTH_KEY_ID?reason=bench"
    revoked_post=$(BENCH_API_KEY=$AUTH_KEY BENCH_POLLSTERS=1 wrk -t1 -c1 -d2s -s "$BENCH_DIR/post_polls.lua" "$BASE" 2>&1 | grep '^RESULT')
    revoked_get=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $AUTH_KEY" "$BASE/polls/$(sql -c 'select max(id) from poll')")
    log "after revoking the key: POSTs with it: $revoked_post; GET /polls/{id} with it: HTTP $revoked_get"
    row "POST /polls CPU per request, app + PostgreSQL backends: issued pollster key vs bootstrap key, ${AUTH_ROUNDS}x2 rounds of ${DURATION}s, $CONNECTIONS conn." \
        "$key_cpu ms ($key_app_cpu app + $key_pg_cpu PostgreSQL), $key_rps polls/s" \
        "$boot_cpu ms ($boot_app_cpu app + $boot_pg_cpu PostgreSQL), $boot_rps polls/s" \
        "verification $verify_pct % of CPU ($rps_pct % of polls/s)" "" "-"
    row "same, share of the app's CPU samples in authentication (JFR, one ${DURATION}s round per key)" \
        "$key_share % ($key_hits/$key_samples samples)" "$boot_share % ($boot_hits/$boot_samples samples)" "" "" "-"
    row "authentication on POST /polls: verification + bootstrap-key share x app CPU, of the issued key's CPU per request" \
        "$total_pct %" "" "" "< 10 %" "$(if ge 10 "$total_pct"; then echo met; else echo "not met"; fi)"
fi
while [ "$(sql -c 'select count(*) from poll')" -lt "$SEED_POLLS" ]; do
    log "seeding more polls"
    wrk -t2 -c"$CONNECTIONS" -d5s -s "$BENCH_DIR/post_polls.lua" "$BASE" > "$OUT/seed.wrk.txt" 2>&1
    wrk_result "$OUT/seed.wrk.txt"
    TOTAL_REQUESTS=$((TOTAL_REQUESTS + requests))
done
sql -c 'vacuum analyze'
POLLS=$(sql -c 'select count(*) from poll')
MAXID=$(sql -c 'select max(id) from poll')
MAXQID=$(sql -c 'select max(id) from question')
log "$POLLS polls, max id $MAXID, $(sql -c 'select count(*) from question') questions"

# Warm-up, then wrk over the paths in $BENCH_PATHS, then the pgbench script (with its -D variables) for
# as long: sets ours, ours_text, raw (tps) and raw_latency (ms).
wrk_vs_pgbench() { # name pgbench-script [pgbench arguments...]
    local name=$1 script=$2
    shift 2
    run_wrk "$name-warmup" get_lines.lua "$CONNECTIONS" "$WARMUP"
    profile_start "$name"
    run_wrk "$name" get_lines.lua "$CONNECTIONS" "$DURATION"
    ours=$rps ours_text="$rps req/s, p50 $p50_ms ms, p99 $p99_ms ms"
    pgbench -n -M prepared -f "$BENCH_DIR/$script" -c 8 -j 2 -T "$DURATION" "$@" "$DB" > "$OUT/$name.pgbench.txt" 2>&1
    raw=$(pgbench_tps "$OUT/$name.pgbench.txt") raw_latency=$(pgbench_latency "$OUT/$name.pgbench.txt")
}

# --- GET /polls/{id} --------------------------------------------------------------------------------
if [[ " $BENCHES " == *" get "* ]]; then
    export BENCH_PATHS=$OUT/get_paths.txt
    sql -c "select '/polls/' || id from poll order by random() limit 5000" > "$BENCH_PATHS"
    wrk_vs_pgbench get poll_by_id.sql -D maxid="$MAXID"
    log "get raw: $raw tps ($raw_latency ms average); ids existing in 1..maxid: $(ratio "$POLLS" "$MAXID")"
    row "GET /polls/{id}" "$ours_text" "$raw tps (4 statements, $raw_latency ms avg)" \
        "$(ratio "$ours" "$raw")" ">= 60% of raw" "$(met "$(awk -v a="$ours" -v b="$raw" 'BEGIN { print a / b }')" 0.6)"
fi

# --- GET /polls?pollster&from&topic ------------------------------------------------------------------
if [[ " $BENCHES " == *" list "* ]]; then
    export BENCH_PATHS=$OUT/list_paths.txt
    python3 - "$POLLSTERS" > "$BENCH_PATHS" <<'EOF'
import datetime, random, sys
rng = random.Random(20)
topics = ["economy", "health", "immigration", "climate", "education", "housing", "security", "trade"]
for _ in range(5000):
    day = datetime.date(2018, 1, 1) + datetime.timedelta(days=rng.randrange(0, 2401))
    print(f"/polls?pollster=bench-pollster-{rng.randrange(1, int(sys.argv[1]) + 1):02d}&from={day}&topic={rng.choice(topics)}&size=20")
EOF
    wrk_vs_pgbench list poll_list.sql -D pollsters="$POLLSTERS"
    log "list raw: $raw tps"
    row "GET /polls?pollster&from&topic&size=20" "$ours_text" "$raw tps (page + count + questions, $raw_latency ms avg)" \
        "$(ratio "$ours" "$raw")" "(none set)" "-"
fi

# the list query's plan before and after V5, on the data just measured (the app is idle meanwhile)
"$BENCH_DIR/explain.sh" "$DB" > "$OUT/explain.txt" 2>&1 || log "explain.sh failed, see $OUT/explain.txt"

# --- GET /polls/{id}/questions/{qid}/comparison -------------------------------------------------------
if [[ " $BENCHES " == *" comparison "* ]]; then
    if serves "/polls/{id}/questions/{qid}/comparison"; then
        export BENCH_PATHS=$OUT/comparison_paths.txt
        sql -c "select '/polls/' || poll_id || '/questions/' || id || '/comparison' from question order by random() limit 5000" > "$BENCH_PATHS"
        wrk_vs_pgbench comparison comparison_raw.sql -D maxqid="$MAXQID"
        row "GET /polls/{id}/questions/{qid}/comparison" "$ours_text" "$raw tps (question + poll + options)" "$(ratio "$ours" "$raw")" "(none set)" "-"
    else
        row "GET /polls/{id}/questions/{qid}/comparison" "pending (endpoint not served)" "" "" "" "pending"
    fi
fi

# --- Trend over a series --------------------------------------------------------------------------------
if [[ " $BENCHES " == *" trend "* ]]; then
    if serves "/series/{key}/trend" && serves "/imports/fivethirtyeight"; then
        python3 "$BENCH_DIR/gen_fivethirtyeight.py" "$CSV_SOURCE" "$OUT/trend.csv" "$TREND_POLLS" 10000
        curl -sf -o "$OUT/trend-import.json" -H "Authorization: Bearer $BENCH_API_KEY" -H 'Content-Type: text/csv' --data-binary @"$OUT/trend.csv" \
            "$BASE/imports/fivethirtyeight?series=bench-trend"
        log "trend series: $(jq -c '{rowsRead, accepted, duplicates, rejectedCount}' "$OUT/trend-import.json")"
        export BENCH_PATHS=$OUT/trend_paths.txt
        echo "/series/bench-trend/trend${TREND_QUERY:-}" > "$BENCH_PATHS"
        curl -s -o "$OUT/trend-sample.json" -w '%{http_code}\n' "$BASE/series/bench-trend/trend${TREND_QUERY:-}" >> "$OUT/run.log"
        run_wrk trend-warmup get_lines.lua "$CONNECTIONS" "$WARMUP"
        profile_start trend
        run_wrk trend get_lines.lua "$CONNECTIONS" "$DURATION"
        row "GET /series/{key}/trend ($TREND_POLLS polls, warm)" "$rps req/s, p50 $p50_ms ms, p99 $p99_ms ms" "" "" "p99 < 50 ms" \
            "$(if ge 50 "$p99_ms"; then echo met; else echo "not met"; fi)"
        # Cold: each round writes one poll into the series (a one-row import, which empties the trend cache)
        # and times the GET that follows, so the trend is recomputed from the database every time.
        : > "$OUT/trend-cold.txt"
        for i in $(seq 1 "${TREND_COLD_ROUNDS:-20}"); do
            { head -1 "$CSV_SOURCE"
              echo "2021-06-01,2021-06-02,Cold Bench $i,,1000,a,all,Biden,FALSE,Cold benchmark poll $i,50,45,"; } > "$OUT/trend-cold.csv"
            curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_API_KEY" -H 'Content-Type: text/csv' \
                --data-binary @"$OUT/trend-cold.csv" "$BASE/imports/fivethirtyeight?series=bench-trend"
            curl -sf -o /dev/null -w '%{time_total}\n' "$BASE/series/bench-trend/trend${TREND_QUERY:-}" >> "$OUT/trend-cold.txt"
        done
        read -r cold_p50 cold_max < <(sort -n "$OUT/trend-cold.txt" \
            | awk '{ v[NR] = $1 * 1000 } END { printf "%.1f %.1f\n", v[int((NR + 1) / 2)], v[NR] }')
        log "trend cold: p50 $cold_p50 ms, max $cold_max ms over $(wc -l < "$OUT/trend-cold.txt") rounds"
        row "GET /series/{key}/trend ($TREND_POLLS polls, cold: first request after a write)" \
            "p50 $cold_p50 ms, max $cold_max ms ($(wc -l < "$OUT/trend-cold.txt") rounds)" "" "" "< 500 ms" \
            "$(if ge 500 "$cold_max"; then echo met; else echo "not met"; fi)"
    else
        row "GET /series/{key}/trend ($TREND_POLLS polls)" "pending (endpoint not served)" "" "" "p99 < 50 ms" "pending"
    fi
fi

# --- POST /polls reference: after the reads, since its sequence calls leave gaps in the ids -----------
if [[ " $BENCHES " == *" post "* ]]; then
    pgbench -n -M prepared -f "$BENCH_DIR/poll_insert.sql" -c 8 -j 2 -T "$POST_DURATION" -D pollsters="$POLLSTERS" "$DB" > "$OUT/post.pgbench.txt" 2>&1
    raw=$(pgbench_tps "$OUT/post.pgbench.txt")
    log "post raw: $raw tps"
    row "POST /polls (1-3 questions, 8 conn.)" "$POST_TEXT" "$raw polls/s (one poll per transaction, $(pgbench_latency "$OUT/post.pgbench.txt") ms avg)" \
        "$(ratio "$POST_RPS" "$raw")" ">= 1,000 polls/s" "$(met "$POST_RPS" 1000)"
fi

# Runs psql with the arguments after the first, timed: sets SQL_MS and SQL_RATE (IMPORT_ROWS per second).
timed_sql() {
    local what=$1 t0
    shift
    t0=$(date +%s%N)
    sql "$@"
    SQL_MS=$(since_ms "$t0")
    SQL_RATE=$(per_second "$IMPORT_ROWS" "$SQL_MS")
    log "$what: $IMPORT_ROWS rows in $SQL_MS ms ($SQL_RATE rows/s)"
}

# --- FiveThirtyEight import vs \copy --------------------------------------------------------------------
if [[ " $BENCHES " == *" import "* ]]; then
    python3 "$BENCH_DIR/gen_fivethirtyeight.py" "$CSV_SOURCE" "$OUT/import.csv" "$IMPORT_ROWS" 538
    sql -f "$BENCH_DIR/staging_538.sql"
    timed_sql "\\copy" -c "\\copy staging_538 from '$OUT/import.csv' csv header"
    copy_ms=$SQL_MS copy_rate=$SQL_RATE
    if serves "/imports/fivethirtyeight"; then
        profile_start import
        t0=$(date +%s%N)
        code=$(curl -s -o "$OUT/import-response.json" -w '%{http_code}' -H "Authorization: Bearer $BENCH_API_KEY" -H 'Content-Type: text/csv' \
            --data-binary @"$OUT/import.csv" "$BASE/imports/fivethirtyeight?series=bench-import")
        import_ms=$(since_ms "$t0")
        import_rate=$(per_second "$IMPORT_ROWS" "$import_ms")
        accepted=$(jq -r '.accepted // "?"' "$OUT/import-response.json" 2>/dev/null || echo "?")
        log "import: HTTP $code, $IMPORT_ROWS rows in $import_ms ms ($import_rate rows/s), accepted $accepted"
        row "POST /imports/fivethirtyeight ($IMPORT_ROWS rows)" "$import_rate rows/s ($import_ms ms, HTTP $code, $accepted accepted)" \
            "$copy_rate rows/s (\\copy, $copy_ms ms)" "$(ratio "$import_rate" "$copy_rate")" ">= 30% of \\copy" \
            "$(met "$(awk -v a="$import_rate" -v b="$copy_rate" 'BEGIN { print a / b }')" 0.3)"
        # The same polls written by PostgreSQL alone, set by set, from a prepared table: the floor of any client.
        sql -f "$BENCH_DIR/import_floor_prepare.sql"
        timed_sql "set-based floor" -f "$BENCH_DIR/import_floor.sql"
        floor_ms=$SQL_MS floor_rate=$SQL_RATE
        row "same import vs PostgreSQL's set-based floor" "$import_rate rows/s" \
            "$floor_rate rows/s (INSERT ... SELECT per table, $floor_ms ms)" "$(ratio "$import_rate" "$floor_rate")" "none set" "-"
    else
        row "POST /imports/fivethirtyeight ($IMPORT_ROWS rows)" "pending (endpoint not served)" \
            "$copy_rate rows/s (\\copy, $copy_ms ms)" "" ">= 30% of \\copy" "pending"
    fi
fi

# --- Startup and memory ---------------------------------------------------------------------------------
RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
RSS_MB=$((RSS_KB / 1024))
log "RSS $RSS_MB MB after $TOTAL_REQUESTS requests"
# The goals (< 1.5 s, < 200 MB after 1,000 requests) are measured per JVM set-up by bench/startup.sh;
# here: this run's JVM (JAVA_OPTS), fresh database, after the whole benchmark.
row "startup (process start to ready, fresh database, JAVA_OPTS='${JAVA_OPTS:-}')" "$STARTUP_MS ms" "" "" "see bench/startup.sh" "-"
row "RSS after $TOTAL_REQUESTS requests (JAVA_OPTS='${JAVA_OPTS:-}')" "$RSS_MB MB" "" "" "see bench/startup.sh" "-"
{
    echo
    echo "- polls: $POLLS (max id $MAXID), load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$SUMMARY"
cat "$SUMMARY"
