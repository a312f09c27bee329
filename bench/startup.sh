#!/usr/bin/env bash
# Startup time and memory of the packaged app (JVM mode) under several JVM set-ups, in one run:
#   startup = process start -> first 200 from /q/health/ready (schema already migrated)
#   RSS     = VmRSS after 1,000 sequential GET /polls/{id} (one curl process, 200 distinct polls)
#   req/s   = then a WARM-second warm-up and a DURATION-second wrk run of GET /polls/{id} (8 conn.)
# Set-ups: JDK 17 and JDK 25 as they come; JDK 25 with the Leyden AOT cache that `-Daot` builds;
# and both with small-footprint flags (serial GC, C1 only, 64 MB heap).
#
# Environment (all optional): JDK17=/usr/lib/jvm/java-17-openjdk-amd64 JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
#   RUNS=3 DURATION=10 WARM=5 SKIP_BUILD=1 OUT=bench/results/startup-<utc stamp>
# Output: $OUT/startup.md (table), $OUT/*.log.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
export BENCH_DIR=$ROOT/bench
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARM=${WARM:-5}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=pollwatch_startup
OUT=${OUT:-$BENCH_DIR/results/startup-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
APP=$ROOT/target/quarkus-app
PORT=18081
# the administrator key the instances start with: registering pollsters and writing polls need one
export BENCH_API_KEY=${BENCH_API_KEY:-bench-bootstrap-admin-key-not-for-production}
BASE=http://127.0.0.1:$PORT
SMALL="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -Xmn8m -Xss256k -XX:ReservedCodeCacheSize=32m"

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$DB" "$@"; }

if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$APP/app.aot" ]; then
    log "building the jar and its AOT cache (JAVA_HOME=$JDK25 ./mvnw -B verify -Daot)"
    (cd "$ROOT" && JAVA_HOME=$JDK25 ./mvnw -B verify -Daot > "$OUT/build.log" 2>&1)
fi

start_app() { # java flags... ; sets APP_PID and STARTUP_MS
    local java=$1
    shift
    local t0
    t0=$(date +%s%N)
    (cd "$APP" && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT \
        QUARKUS_HTTP_HOST=127.0.0.1 POLLWATCH_KEYS_SECRET=bench-key-secret-not-for-production-use \
        POLLWATCH_ADMIN_BOOTSTRAP_KEY=$BENCH_API_KEY POLLWATCH_RATE_LIMITS_WRITES_PER_KEY=100000000 \
        POLLWATCH_RATE_LIMITS_WRITES_PER_ADDRESS=100000000 \
        exec "$java" "$@" -jar quarkus-run.jar > "$OUT/app.log" 2>&1) &
    APP_PID=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready")" = 200 ]; do
        kill -0 "$APP_PID" 2>/dev/null || { log "the app exited; see $OUT/app.log"; exit 1; }
        sleep 0.005
    done
    STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# an instance left running by a failed step would hold the port and the database
trap 'if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; fi' EXIT

stop_app() {
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
}

log "recreating database $DB, migrating and seeding it"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB" -c "create database $DB"
start_app "$JDK17/bin/java"
for i in $(seq -w 1 20); do
    curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_API_KEY" -H 'Content-Type: application/json' \
        -d "{\"slug\":\"bench-pollster-$i\",\"name\":\"Bench Pollster $i\",\"country\":\"US\"}" "$BASE/pollsters"
done
BENCH_POLLSTERS=20 wrk -t2 -c8 -d3s -s "$BENCH_DIR/post_polls.lua" "$BASE" > "$OUT/seed.wrk.txt" 2>&1
stop_app
sql -c 'vacuum analyze'
sql -c 'select id from poll order by id limit 200' | sed 's#^#/polls/#' > "$OUT/paths.txt"
sed "s#^#url = \"$BASE#; s#\$#\"\noutput = /dev/null#" "$OUT/paths.txt" > "$OUT/curl-200.cfg"
for _ in 1 2 3 4 5; do cat "$OUT/curl-200.cfg"; done > "$OUT/curl-1000.cfg"
log "$(wc -l < "$OUT/paths.txt") polls to read"

{
    echo "# Startup and memory, JVM mode"
    echo
    echo "- date: $(date -u)"
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- runs per set-up: $RUNS; small = \`$SMALL\`"
    echo
    echo "| JVM | set-up | startup (ms) | Quarkus \"started in\" | RSS after 1,000 requests (MB) | GET /polls/{id} req/s |"
    echo "|---|---|---|---|---|---|"
} > "$OUT/startup.md"

measure() { # label set-up java flags...
    local label=$1 setup=$2 java=$3
    shift 3
    local starts=() rss=() quarkus=() rps=()
    for _ in $(seq "$RUNS"); do
        start_app "$java" "$@"
        starts+=("$STARTUP_MS")
        quarkus+=("$(grep -o 'started in [0-9.]*s' "$OUT/app.log" | grep -o '[0-9.]*' || echo '?')")
        curl -s -K "$OUT/curl-1000.cfg"
        rss+=("$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$APP_PID/status")")
        BENCH_PATHS=$OUT/paths.txt wrk -t2 -c8 -d"${WARM}s" -s "$BENCH_DIR/get_lines.lua" "$BASE" > /dev/null 2>&1
        BENCH_PATHS=$OUT/paths.txt wrk -t2 -c8 -d"${DURATION}s" -s "$BENCH_DIR/get_lines.lua" "$BASE" > "$OUT/wrk.txt" 2>&1
        rps+=("$(grep '^RESULT' "$OUT/wrk.txt" | grep -o 'rps=[0-9.]*' | cut -d= -f2 | cut -d. -f1)")
        grep -qi "aot.*\(error\|mismatch\)" "$OUT/app.log" && log "warning: the AOT cache was not used ($label, $setup)"
        stop_app
    done
    range() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print (lo == hi ? lo : lo "-" hi) }'; }
    log "$label, $setup: startup $(range "${starts[@]}") ms, RSS $(range "${rss[@]}") MB, $(range "${rps[@]}") req/s"
    echo "| $label | $setup | $(range "${starts[@]}") | $(range "${quarkus[@]}") s | $(range "${rss[@]}") | $(range "${rps[@]}") |" >> "$OUT/startup.md"
}

# shellcheck disable=SC2086
{
    measure "OpenJDK 17" "no flags" "$JDK17/bin/java"
    measure "OpenJDK 17" "small" "$JDK17/bin/java" $SMALL
    measure "Temurin 25" "no flags" "$JDK25/bin/java"
    measure "Temurin 25" "small + compact object headers" "$JDK25/bin/java" $SMALL -XX:+UseCompactObjectHeaders
    measure "Temurin 25" "AOT cache" "$JDK25/bin/java" -XX:AOTCache=app.aot
    measure "Temurin 25" "AOT cache + small" "$JDK25/bin/java" -XX:AOTCache=app.aot $SMALL
}
echo >> "$OUT/startup.md"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/startup.md"
cat "$OUT/startup.md"
