#!/usr/bin/env bash
# HAProxy in front of two Pollwatch instances on one (private) PostgreSQL; a bounded mixed load of
# reads and writes; instance 1 is stopped gracefully (SIGTERM) mid-run and started again. Counts
# every request: sent = acknowledged + failed, and looks up every acknowledged write in the database.
# Usage: bench/replicas/failover.sh   (env: SECONDS_OF_LOAD=40 THREADS=4 WRITE_PERCENT=30 PAUSE_MS=2
#        STOP_AT=10 BUILD=1 API_KEY=...). Exits 1 unless every acknowledged write is found.
source "$(dirname "$0")/cluster.sh"
trap stop_all EXIT
SECONDS_OF_LOAD=${SECONDS_OF_LOAD:-40}
THREADS=${THREADS:-4}
WRITE_PERCENT=${WRITE_PERCENT:-30}
PAUSE_MS=${PAUSE_MS:-2}
STOP_AT=${STOP_AT:-10}
LB=http://127.0.0.1:$LB_PORT

build_app
start_primary
start_app a 1
start_app b 2
start_haproxy 2
curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"slug":"load-research","name":"Load Research","country":"US"}' "$LB/pollsters"
curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' \
    -d '{"key":"load-approval","title":"Mayor approval","choices":[{"key":"approve","label":"Approve"},{"key":"disapprove","label":"Disapprove"}]}' "$LB/series"

log "load: $SECONDS_OF_LOAD s, $THREADS threads, $WRITE_PERCENT % writes, through haproxy"
java "$(dirname "$0")/MixedLoad.java" "$LB" "$SECONDS_OF_LOAD" "$THREADS" "$WRITE_PERCENT" "$PAUSE_MS" \
    "$WORK/acked-ids.txt" "$API_KEY" > "$WORK/load.txt" 2>&1 &
LOAD_PID=$!
sleep "$STOP_AT"
log "stopping instance a gracefully (SIGTERM)"
stopped=$(now_ms)
stop_app a
log "instance a exited after $(( $(now_ms) - stopped )) ms; starting it again"
start_app a 1
log "instance a back after $(( $(now_ms) - stopped )) ms since SIGTERM"
wait "$LOAD_PID"
cat "$WORK/load.txt" >&2
eval "$(grep '^RESULT' "$WORK/load.txt" | cut -d' ' -f2-)"
acked_ids=$(wc -l < "$WORK/acked-ids.txt")
found=0
if [ "$acked_ids" -gt 0 ]; then
    found=$(primary_sql -c "create temp table acked(id bigint)" -c "\copy acked from '$WORK/acked-ids.txt'" \
        -c "select count(*) from acked join poll using (id)" | tail -1)
fi
stored=$(primary_sql -c "select count(*) from poll p join pollster s on s.id = p.pollster_id where s.slug = 'load-research'")
log "sent $sent = acknowledged $acked + failed $failed ($failures)"
log "writes: sent $writes_sent, acknowledged $writes_acked, acknowledged ids $acked_ids, found in the database $found, polls stored $stored"
grep -E "Shutdown|shutdown|stopped in" "$WORK/a.log" | head -5 >&2 || true
[ "$sent" = $((acked + failed)) ] && [ "$found" = "$writes_acked" ] && [ "$acked_ids" = "$writes_acked" ] || exit 1
