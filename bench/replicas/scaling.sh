#!/usr/bin/env bash
# Requests/s of one Pollwatch instance against two behind HAProxy, on one private PostgreSQL, with the
# CPU each request costs the application and the database (from /proc, over the measured run): the
# figures behind the capacity estimate in bench/RESULTS.md.
# Usage: bench/replicas/scaling.sh   (env: DURATION=15 WARMUP=5 CONNECTIONS=16 POLLS=200 BUILD=1 API_KEY=...)
source "$(dirname "$0")/cluster.sh"
trap stop_all EXIT
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-16}
POLLS=${POLLS:-200}
export BENCH_DIR=$ROOT/bench BENCH_PATHS=$WORK/paths.txt
A=http://127.0.0.1:$((APP_BASE_PORT + 1))
LB=http://127.0.0.1:$LB_PORT
TICK=$(getconf CLK_TCK)

# CPU ticks (user + system) of a process; for the postmaster also of its children, alive and exited
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
db_ticks() {
    local pm total child
    pm=$(head -1 "$WORK/primary/postmaster.pid")
    total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat")
    for child in $(ps --ppid "$pm" -o pid=); do total=$((total + $(ticks "$child"))); done
    echo "$total"
}
app_ticks() { local total=0 name; for name in "$@"; do total=$((total + $(ticks "${APP_PIDS[$name]}"))); done; echo "$total"; }

# measure NAME URL INSTANCES...: wrk over the read mix, CPU ms per request of the app(s) and the database
measure() {
    local name=$1 url=$2
    shift 2
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$BENCH_DIR/get_lines.lua" "$url" > /dev/null 2>&1
    local app0 db0 lb0=0 lb1=0
    app0=$(app_ticks "$@"); db0=$(db_ticks)
    [ -f "$WORK/haproxy.pid" ] && lb0=$(ticks "$(cat "$WORK/haproxy.pid")")
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$BENCH_DIR/get_lines.lua" "$url" > "$WORK/$name.wrk.txt" 2>&1
    local app1 db1
    app1=$(app_ticks "$@"); db1=$(db_ticks)
    [ -f "$WORK/haproxy.pid" ] && lb1=$(ticks "$(cat "$WORK/haproxy.pid")")
    eval "$(grep '^RESULT' "$WORK/$name.wrk.txt" | cut -d' ' -f2-)"
    awk -v n="$name" -v r="$requests" -v rps="$rps" -v p50="$p50_ms" -v p99="$p99_ms" -v e="$errors" -v x="$non2xx" \
        -v a=$((app1 - app0)) -v d=$((db1 - db0)) -v l=$((lb1 - lb0)) -v t="$TICK" 'BEGIN {
        printf "RESULT %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d, non-2xx %d; CPU per request: app %.3f ms, database %.3f ms, haproxy %.3f ms\n",
            n, rps, p50, p99, e, x, a * 1000 / t / r, d * 1000 / t / r, l * 1000 / t / r }'
}

build_app
start_primary
start_app a 1
post() { curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d "$2" "$A$1"; }
post /pollsters '{"slug":"bench-one","name":"Bench One","country":"US"}' > /dev/null
post /pollsters '{"slug":"bench-two","name":"Bench Two","country":"US"}' > /dev/null
post /series '{"key":"bench-approval","title":"Approval","choices":[{"key":"approve","label":"Approve"},{"key":"disapprove","label":"Disapprove"}]}' > /dev/null
log "seeding $POLLS polls"
: > "$BENCH_PATHS"
for i in $(seq 1 "$POLLS"); do
    day=$(date -u -d "2025-01-01 + $i days" +%F)
    body=$(printf '{"pollster":"bench-%s","fieldStart":"%s","fieldEnd":"%s","population":"adults","country":"US","mode":"online","sampleSize":1000,"questions":[{"wording":"Approve?","series":"bench-approval","options":[{"label":"Approve","percentage":%d},{"label":"Disapprove","percentage":%d}]}]}' \
        "$([ $((i % 2)) = 0 ] && echo one || echo two)" "$day" "$day" $((40 + i % 9)) $((50 - i % 7)))
    post /polls "$body" | python3 -c "import json,sys; d=json.load(sys.stdin); print('/polls/%d' % d['id']); print('/polls/%d/questions/%d/comparison' % (d['id'], d['questions'][0]['id']))" >> "$BENCH_PATHS"
done
for _ in $(seq 1 20); do echo /series/bench-approval/trend; done >> "$BENCH_PATHS"
primary_sql -c analyze
log "read mix: $(wc -l < "$BENCH_PATHS") paths (polls, lead comparisons, trend), $CONNECTIONS connections"

measure one-instance "$A" a
start_app b 2
start_haproxy 2
measure two-instances-haproxy "$LB" a b
