#!/usr/bin/env bash
# Hostile requests against a small heap: the packaged app with -Xmx256m on its own private
# PostgreSQL cluster (temporary directory, loopback), a series of 200 imported FiveThirtyEight polls,
# then the requests that once cost unbounded work or memory, CONCURRENCY at once and ROUNDS times
# each, while /q/health/live is polled every 200 ms. Reports the status codes of the hostile
# requests (expected: 4xx, or 2xx where the request is valid; never 5xx), the worst liveness latency
# and any failed check, and the RSS of the app before and after.
# Usage: bench/memory.sh   (env: CONCURRENCY=4 ROUNDS=3 MAX_TIME=120 (s per request) BUILD=1). Exits 1 on a 5xx, a failed
#        liveness check or a dead app.
PRIMARY_PORT=${PRIMARY_PORT:-18530}
APP_BASE_PORT=${APP_BASE_PORT:-18531}
MGMT_BASE_PORT=${MGMT_BASE_PORT:-18541}
source "$(dirname "$0")/replicas/cluster.sh"
# an app wedged by OutOfMemoryError may never finish a graceful stop: it is killed first
trap 'touch "$WORK/stop-health"; [ -z "${APP_PIDS[app]:-}" ] || kill -KILL "${APP_PIDS[app]}" 2>/dev/null || true; stop_all' EXIT
CONCURRENCY=${CONCURRENCY:-4}
ROUNDS=${ROUNDS:-3}
MAX_TIME=${MAX_TIME:-120}
APP=http://127.0.0.1:$((APP_BASE_PORT + 1))
AUTH=(-H "Authorization: Bearer $API_KEY")
CSV=$ROOT/src/test/resources/fivethirtyeight-covid/covid_approval_polls_biden_all.csv
LIMITS=(POLLWATCH_RATE_LIMITS_WRITES_PER_KEY=1000000 POLLWATCH_RATE_LIMITS_WRITES_PER_ADDRESS=1000000
    POLLWATCH_RATE_LIMITS_IMPORTS_PER_KEY=1000000 POLLWATCH_RATE_LIMITS_EXPENSIVE_READS_PER_ADDRESS=1000000)
FAILED=0
ROWS=()

build_app
start_primary
JAVA_OPTS="-Xmx256m" start_app app 1 "${LIMITS[@]}"
APP_PID=${APP_PIDS[app]}
rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID" 2>/dev/null || echo 0) / 1024 )); }

curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' "$APP/series" -d '{"key":"biden-covid-approval",
  "title":"Biden approval on the coronavirus response",
  "choices":[{"key":"approve","label":"Approve"},{"key":"disapprove","label":"Disapprove"}]}'
curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary "@$CSV" \
    "$APP/imports/fivethirtyeight?series=biden-covid-approval"
curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"slug":"memory-research","name":"Memory Research","country":"US"}' "$APP/pollsters"
log "series imported: $(curl -s "$APP/series/biden-covid-approval/trend" | head -c 200)"

# The bodies: a CSV whose sample_size is 1e100000000, a 3.5 MB poll with tens of thousands of
# invalid values, and the largest poll the limits allow (200 questions x 100 options x 200 subgroups).
{ head -1 "$CSV"; sed -n 2p "$CSV" | awk -F, 'BEGIN{OFS=","} {$5="1e100000000"; print}'; } > "$WORK/exponent.csv"
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
def poll(questions, options, subgroups, percentage, label_pad):
    out = ['{"pollster":"memory-research","fieldStart":"2026-01-01","fieldEnd":"2026-01-02","population":"adults",'
           '"country":"US","mode":"online","sampleSize":1000,"questions":[']
    for q in range(questions):
        labels = ["Option %d %s" % (o, label_pad) for o in range(options)]
        opts = ",".join('{"label":"%s","percentage":%s}' % (l, percentage) for l in labels)
        shares = ",".join('"%s":%s' % (l, percentage) for l in labels)
        subs = ",".join('{"dimension":"d%d","label":"s%d","sampleSize":100,"percentages":{%s}}' % (s % 5, s, shares)
                        for s in range(subgroups))
        out.append(('' if q == 0 else ',') + '{"wording":"Question %d","options":[%s],"subgroups":[%s]}' % (q, opts, subs))
    out.append(']}')
    return "".join(out)
open(work + "/invalid.json", "w").write(poll(200, 100, 0, "500", "x" * 140))
open(work + "/dense-invalid.json", "w").write(poll(200, 100, 0, "500", ""))
open(work + "/largest.json", "w").write(poll(200, 100, 200, "1.0", ""))
PY
log "bodies: invalid.json $(stat -c %s "$WORK/invalid.json") bytes, dense-invalid.json $(stat -c %s "$WORK/dense-invalid.json") bytes, largest.json $(stat -c %s "$WORK/largest.json") bytes"

# Liveness every 200 ms until told to stop: one line "http_code seconds" per check.
: > "$WORK/health.txt"
(
    end=$(( $(now_ms) + 1800000 ))
    while [ ! -f "$WORK/stop-health" ] && [ "$(now_ms)" -lt "$end" ]; do
        curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total}\n' "$APP/q/health/live" >> "$WORK/health.txt" || true
        sleep 0.2
    done
) &
HEALTH_PID=$!
sleep 2
RSS_BEFORE=$(rss_mb)
log "RSS before: $RSS_BEFORE MB"

# hostile NAME CURL-ARGS...: CONCURRENCY at once, ROUNDS times; {n} in the arguments becomes a
# counter, so that no answer comes from a cache.
N=0
hostile() {
    local name=$1 round i started codes
    shift
    : > "$WORK/$name.codes"
    started=$(now_ms)
    for round in $(seq 1 "$ROUNDS"); do
        local pids=()
        for i in $(seq 1 "$CONCURRENCY"); do
            N=$((N + 1))
            local args=("${@//\{n\}/$N}")
            curl -s -o "$WORK/$name.$N.body" --max-time "$MAX_TIME" -w '%{http_code} %{time_total}\n' "${args[@]}" \
                >> "$WORK/$name.codes" &
            pids+=($!)
        done
        wait "${pids[@]}" || true
    done
    codes=$(awk '{print $1}' "$WORK/$name.codes" | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')
    local slowest
    slowest=$(awk 'BEGIN{m=0} {if ($2 > m) m = $2} END{printf "%.2f s", m}' "$WORK/$name.codes")
    ROWS+=("| $name | $((CONCURRENCY * ROUNDS)) | $codes | $slowest | $(rss_mb) MB |")
    log "$name: $codes (slowest $slowest), RSS $(rss_mb) MB; first body: $(head -c 300 "$WORK/$name.$N.body" 2>/dev/null || true)"
    if awk '{print $1}' "$WORK/$name.codes" | grep -qE '^(5..|000)$'; then FAILED=1; fi
    kill -0 "$APP_PID" 2>/dev/null || { log "the app died"; FAILED=1; }
}

trend=$APP/series/biden-covid-approval/trend
hostile "kalman to=+10000-01-01" "$trend?method=kalman&to=%2B10000-01-01&confidence=0.8{n}"
hostile "kalman to=+999999999-12-31" "$trend?method=kalman&to=%2B999999999-12-31&confidence=0.8{n}"
hostile "kalman, 20 years (the limit)" "$trend?method=kalman&from=2021-01-01&to=2040-12-31&confidence=0.8{n}"
hostile "import sample_size 1e100000000" "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary "@$WORK/exponent.csv" \
    "$APP/imports/fivethirtyeight?series=biden-covid-approval"
hostile "3.5 MB poll, 20,000 invalid values" "${AUTH[@]}" -H 'Content-Type: application/json' \
    --data-binary "@$WORK/invalid.json" "$APP/polls"
hostile "0.8 MB poll, 20,000 invalid values (within the size limit)" "${AUTH[@]}" -H 'Content-Type: application/json' \
    --data-binary "@$WORK/dense-invalid.json" "$APP/polls"
hostile "largest poll (200 q x 100 opt x 200 subgroups)" "${AUTH[@]}" -H 'Content-Type: application/json' \
    --data-binary "@$WORK/largest.json" "$APP/polls"

sleep 2
touch "$WORK/stop-health"
wait "$HEALTH_PID" 2>/dev/null || true
RSS_AFTER=$(rss_mb)
checks=$(wc -l < "$WORK/health.txt")
health_failed=$(awk '$1 != 200' "$WORK/health.txt" | wc -l)
worst=$(awk 'BEGIN{m=0} {if ($2 > m) m = $2} END{printf "%.0f ms", m * 1000}' "$WORK/health.txt")
p99=$(awk '{print $2}' "$WORK/health.txt" | sort -n | awk '{a[NR] = $1} END {i = int(NR * 0.99); if (i < 1) i = 1; printf "%.0f ms", a[i] * 1000}')
[ "$health_failed" = 0 ] || FAILED=1
grep -c OutOfMemoryError "$WORK/app.log" > "$WORK/oom.count" || true
{
    echo
    echo "| hostile request | sent | statuses | slowest | RSS after |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "| /q/health/live checks | failed | worst latency | p99 | RSS before | RSS after | OutOfMemoryError in the log |"
    echo "|---|---|---|---|---|---|---|"
    echo "| $checks | $health_failed | $worst | $p99 | $RSS_BEFORE MB | $RSS_AFTER MB | $(cat "$WORK/oom.count") |"
} | tee "$WORK/summary.md"
exit "$FAILED"
