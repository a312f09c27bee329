#!/usr/bin/env bash
# Database outages under a write load: a private PostgreSQL cluster (temporary directory, loopback),
# the packaged app against it, and a bounded POST /polls load (bench/FaultLoad.java: a new
# Idempotency-Key per poll, the same key retried on 503). Phases: restart (pg_ctl restart -m fast),
# crash (pg_ctl stop -m immediate, then start), a stop of STOP_SECONDS; then the app started while the
# database is down, the database started STARTUP_DOWN_SECONDS later, readiness checked without
# restarting the app. Per phase: requests, acknowledged, acknowledged and found in the database,
# duplicates (polls stored twice for one key), statuses during the outage, time from the database
# being back to the first 2xx.
# Usage: bench/faults.sh   (env: LOAD_SECONDS=20 FAULT_AT=5 STOP_SECONDS=20 STARTUP_DOWN_SECONDS=15
#        THREADS=2 PAUSE_MS=20 BUILD=1). Exits 1 if a write is lost or duplicated or a 500 is seen.
source "$(dirname "$0")/replicas/cluster.sh"
trap stop_all EXIT
LOAD_SECONDS=${LOAD_SECONDS:-20}
FAULT_AT=${FAULT_AT:-5}
STOP_SECONDS=${STOP_SECONDS:-20}
STARTUP_DOWN_SECONDS=${STARTUP_DOWN_SECONDS:-15}
THREADS=${THREADS:-2}
PAUSE_MS=${PAUSE_MS:-20}
APP=http://127.0.0.1:$((APP_BASE_PORT + 1))
# the load makes more writes a minute than the production rate limits allow one key
LIMITS=(POLLWATCH_RATE_LIMITS_WRITES_PER_KEY=1000000 POLLWATCH_RATE_LIMITS_WRITES_PER_ADDRESS=1000000)
pgctl() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" "$@" > /dev/null; }
FAILED=0
AUTH=(-H "Authorization: Bearer $API_KEY")
ROWS=()

build_app
start_primary
start_app app 1 "${LIMITS[@]}"
curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"slug":"fault-research","name":"Fault Research","country":"US"}' "$APP/pollsters"

# phase NAME SECONDS ACTION...: the load for SECONDS, ACTION run FAULT_AT s in; ACTION sets BACK_MS
phase() {
    local name=$1 seconds=$2
    shift 2
    local events="$WORK/$name.events"
    java "$(dirname "$0")/FaultLoad.java" "$APP" "$seconds" "$THREADS" "$PAUSE_MS" "$events" "$API_KEY" 60 \
        > "$WORK/$name.load.log" 2>&1 &
    local load=$!
    sleep "$FAULT_AT"
    DOWN_MS=$(now_ms)
    log "$name: fault"
    "$@"
    log "$name: database back after $(( BACK_MS - DOWN_MS )) ms"
    wait "$load"
    report "$name" "$events"
}

do_restart() { pgctl -m fast -w restart; BACK_MS=$(now_ms); }
do_crash() { pgctl -m immediate -w stop; pgctl -w start; BACK_MS=$(now_ms); }
do_stop() { pgctl -m fast -w stop; sleep "$STOP_SECONDS"; pgctl -w start; BACK_MS=$(now_ms); }

report() {
    local name=$1 events=$2 unacked sent acked first_ok outage statuses found dup stored
    sent=$(awk '{print $2}' "$events" | sort -u | wc -l)
    acked=$(awk '$4 ~ /^2/ {print $2}' "$events" | sort -u | wc -l)
    awk '$4 ~ /^2/ && $5 != "-" {print $5}' "$events" | sort -u > "$events.ids"
    awk '{print $2}' "$events" | sort -u > "$events.keys"
    first_ok=$(awk -v back="$BACK_MS" '$4 ~ /^2/ && $1 >= back && (m == "" || $1 < m) {m = $1} END {print m}' "$events")
    local back_to_ok="no 2xx after it"
    [ -z "$first_ok" ] || back_to_ok="$(( first_ok - BACK_MS )) ms"
    [ -n "$first_ok" ] || first_ok=$(( BACK_MS + 3600000 ))
    outage=$(awk -v from="$DOWN_MS" -v to="$first_ok" '$1 >= from && $1 < to {print $4}' "$events" |
        sort | uniq -c | awk '{printf "%s%s x%s", sep, ($2 == 0 ? "no answer" : $2), $1; sep=", "}')
    statuses=$(awk '{print $4}' "$events" | sort | uniq -c | awk '{printf "%s%s x%s", sep, ($2 == 0 ? "none" : $2), $1; sep=", "}')
    read -r found dup stored < <(primary_sql \
        -c "create temp table acked(id bigint)" -c "\copy acked from '$events.ids'" \
        -c "create temp table sent_keys(k text)" -c "\copy sent_keys from '$events.keys'" \
        -c "select (select count(*) from acked join poll using (id)),
                   (select count(*) from (select source_url from poll
                       where source_url in (select 'https://example.org/fault/' || k from sent_keys)
                       group by source_url having count(*) > 1) d),
                   (select count(*) from poll where source_url in (select 'https://example.org/fault/' || k from sent_keys))" |
        tail -1 | tr '|' ' ')
    # keys never acknowledged, by the last answer they got
    unacked=$(awk '{last[$2] = $4} $4 ~ /^2/ {ok[$2] = 1} END {for (k in last) if (!ok[k]) print last[k]}' "$events" |
        sort | uniq -c | awk '{printf "%s%s x%s", sep, ($2 == 0 ? "no answer" : $2), $1; sep=", "}')
    ROWS+=("| $name | $sent | $acked | $found | $stored | $dup | ${outage:-none} | $back_to_ok | ${unacked:-none} | $statuses |")
    log "$name: sent $sent, acknowledged $acked, found $found, stored $stored, duplicates $dup; outage: ${outage:-none}; unacknowledged: ${unacked:-none}; all: $statuses"
    if [ "$found" != "$acked" ] || [ "$dup" != 0 ] || grep -q ' 500 ' "$events"; then FAILED=1; fi
}

phase restart "$LOAD_SECONDS" do_restart
phase crash "$LOAD_SECONDS" do_crash
phase stop-${STOP_SECONDS}s $((LOAD_SECONDS + STOP_SECONDS)) do_stop

# Start-up while the database is down: does the app wait, and turn ready once the database is back?
log "startup: stopping the app and the database, starting the app against a stopped database"
stop_app app
pgctl -m fast -w stop
QUARKUS_HTTP_PORT_=$((APP_BASE_PORT + 1))
env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$QUARKUS_HTTP_PORT_" \
    POLLWATCH_ADMIN_BOOTSTRAP_KEY="$API_KEY" POLLWATCH_KEYS_SECRET=cluster-key-secret-not-for-production-use \
    "${LIMITS[@]}" java ${JAVA_OPTS:--Xmx256m} -jar "$APP_JAR" >> "$WORK/startup.log" 2>&1 &
APP_PIDS[startup]=$!
started=$(now_ms)
ready_down="never"
exited=""
while [ $(( $(now_ms) - started )) -lt $((STARTUP_DOWN_SECONDS * 1000)) ]; do
    if ! kill -0 "${APP_PIDS[startup]}" 2>/dev/null; then exited="exited after $(( $(now_ms) - started )) ms"; break; fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "$APP/q/health/ready" || true)
    [ "$code" = 200 ] && ready_down="UP while the database was down"
    sleep 0.5
done
live_down=$(curl -s -o /dev/null -w '%{http_code}' "$APP/q/health/live" || true)
ready_code_down=$(curl -s -o /dev/null -w '%{http_code}' "$APP/q/health/ready" || true)
pgctl -w start
BACK_MS=$(now_ms)
log "startup: database started $(( BACK_MS - started )) ms after the app"
ready_after="not within 120 s"
if [ -z "$exited" ]; then
    while [ $(( $(now_ms) - BACK_MS )) -lt 120000 ]; do
        if ! kill -0 "${APP_PIDS[startup]}" 2>/dev/null; then exited="exited $(( $(now_ms) - started )) ms after start"; break; fi
        if curl -sf -o /dev/null "$APP/q/health/ready"; then ready_after="$(( $(now_ms) - BACK_MS )) ms"; break; fi
        sleep 0.2
    done
fi
write_after=$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"slug":"fault-after-start","name":"After Start","country":"US"}' "$APP/pollsters" || true)
log "startup: ${exited:-kept running}; live while down $live_down, ready while down $ready_code_down; ready after the database: $ready_after; a write then: $write_after"
[ -z "$exited" ] || { tail -15 "$WORK/startup.log" >&2; FAILED=1; }

{
    echo
    echo "| phase | requests (keys) | acknowledged (2xx) | acknowledged, in the database | polls stored for the keys | duplicates | attempts from the fault to the first 2xx after it | database back -> first 2xx | keys never acknowledged: last answer (after 60 s of retries) | all attempts |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "| start-up with the database down ${STARTUP_DOWN_SECONDS} s | app process | /q/health/live while down | /q/health/ready while down | ready after the database started | POST /pollsters then |"
    echo "|---|---|---|---|---|---|"
    echo "| | ${exited:-kept running} | $live_down | $ready_code_down | $ready_after | $write_after |"
} | tee "$WORK/summary.md"
exit "$FAILED"
