#!/usr/bin/env bash
# Live events under many subscribers: a private PostgreSQL cluster (temporary directory, loopback),
# the packaged app against it, N concurrent GET /events streams on that one instance
# (bench/EventsBench.java), then POSTS polls one after another. Reports the latency from each
# POST's answer (its commit done) to each subscriber's receipt of the poll-submitted event
# (p50/p99/max), deliveries missing, and the instance's RSS growth per open stream.
# Usage: bench/events.sh   (env: N=1000 POSTS=50 PAUSE_MS=200 BUILD=1 JAVA_OPTS=-Xmx256m;
#        ports: PRIMARY_PORT=18710 APP_BASE_PORT=18700 MGMT_BASE_PORT=18720)
PRIMARY_PORT=${PRIMARY_PORT:-18710}
APP_BASE_PORT=${APP_BASE_PORT:-18700}
MGMT_BASE_PORT=${MGMT_BASE_PORT:-18720}
source "$(dirname "$0")/replicas/cluster.sh"
trap stop_all EXIT
N=${N:-1000}
POSTS=${POSTS:-50}
PAUSE_MS=${PAUSE_MS:-200}
APP=http://127.0.0.1:$((APP_BASE_PORT + 1))
# each stream is a socket on both ends of the loopback
ulimit -n $(( N * 2 + 4096 ))

build_app
start_primary
start_app app 1 POLLWATCH_EVENTS_MAX_SUBSCRIBERS=$(( N + 100 )) \
    POLLWATCH_RATE_LIMITS_WRITES_PER_KEY=1000000 POLLWATCH_RATE_LIMITS_WRITES_PER_ADDRESS=1000000
curl -sf -o /dev/null -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
    -d '{"slug":"bench-research","name":"Bench Research","country":"IL"}' "$APP/pollsters"
# warm up the write and event paths with a few subscribers before the baseline RSS
java "$(dirname "$0")/EventsBench.java" "$APP" "$API_KEY" bench-research "${APP_PIDS[app]}" 10 50 20 \
    > "$WORK/warmup.log" 2>&1
log "warm-up: $(grep latency "$WORK/warmup.log" || cat "$WORK/warmup.log")"
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
log "run: N=$N POSTS=$POSTS PAUSE_MS=$PAUSE_MS JAVA_OPTS=${JAVA_OPTS:--Xmx256m}"
java "$(dirname "$0")/EventsBench.java" "$APP" "$API_KEY" bench-research "${APP_PIDS[app]}" "$N" "$POSTS" "$PAUSE_MS" \
    | tee "$WORK/run.log"
log "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
