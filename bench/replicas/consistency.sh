#!/usr/bin/env bash
# Two Pollwatch instances on one PostgreSQL primary, both reading from a private streaming standby:
#  1. a poll written through instance A shows in instance B's trend, house effects and lead
#     comparison within 1 s (caches of B must not serve the older answer);
#  2. read-your-writes: a GET through B that sends A's Pollwatch-Commit-LSN never misses the write,
#     although the standby replays each commit APPLY_DELAY late (reads without the header do miss it).
# Usage: bench/replicas/consistency.sh   (env: APPLY_DELAY=200ms ROUNDS=40 BUILD=1 KEEP_WORK=1 API_KEY=...)
# Prints a summary; exits 1 if any check fails.
source "$(dirname "$0")/cluster.sh"
trap stop_all EXIT
APPLY_DELAY=${APPLY_DELAY:-200ms}
ROUNDS=${ROUNDS:-40}
A=http://127.0.0.1:$((APP_BASE_PORT + 1))
B=http://127.0.0.1:$((APP_BASE_PORT + 2))
failures=0
fail() { log "FAIL: $*"; failures=$((failures + 1)); }

build_app
start_primary
start_standby
REPLICA="jdbc:postgresql://127.0.0.1:$STANDBY_PORT/$DB"
start_app a 1 POLLWATCH_READ_REPLICA_URL="$REPLICA"
start_app b 2 POLLWATCH_READ_REPLICA_URL="$REPLICA"

# post URL BODY -> prints "status lsn id" (id from the Location header or the body)
post() {
    local url=$1 body=$2 method=${3:-POST}
    curl -s -o "$WORK/last.json" -D "$WORK/last.headers" -X "$method" "${AUTH[@]}" \
        -H 'Content-Type: application/json' -d "$body" "$url" -w '%{http_code}'
}
header() { { grep -i "^$1:" "$WORK/last.headers" || true; } | head -1 | cut -d' ' -f2- | tr -d '\r'; }
json() { python3 -c "import json,sys; d=json.load(open('$WORK/last.json')); print($1)"; }

poll_body() { # pollster fieldEnd approve disapprove
    cat <<JSON
{"pollster":"$1","fieldStart":"$2","fieldEnd":"$2","population":"adults","country":"US","mode":"online",
 "sampleSize":1000,"questions":[{"wording":"Do you approve of the job the governor is doing?",
 "series":"governor-approval","options":[{"label":"Approve","percentage":$3},{"label":"Disapprove","percentage":$4}]}]}
JSON
}

[ "$(post "$A/pollsters" '{"slug":"scale-research","name":"Scale Research","country":"US"}')" = 201 ] || fail "pollster"
[ "$(post "$A/pollsters" '{"slug":"other-research","name":"Other Research","country":"US"}')" = 201 ] || fail "pollster"
[ "$(post "$A/series" '{"key":"governor-approval","title":"Governor approval","choices":[{"key":"approve","label":"Approve"},{"key":"disapprove","label":"Disapprove"}]}')" = 201 ] || fail "series"
for day in 01 05 09 13; do
    post "$A/polls" "$(poll_body scale-research 2026-03-$day 50 44)" > /dev/null
    post "$A/polls" "$(poll_body other-research 2026-03-$day 46 48)" > /dev/null
done
FIRST_ID=$(json "d['id']")
FIRST_QID=$(json "d['questions'][0]['id']")
sleep 1 # the standby has replayed the seed

# B computes and caches its answers
curl -sf "$B/series/governor-approval/trend" > "$WORK/trend-before.json"
curl -sf "$B/series/governor-approval/house-effects" > /dev/null
curl -sf "$B/polls/$FIRST_ID/questions/$FIRST_QID/comparison" > "$WORK/comparison-before.json"
curl -sf "$B/series/governor-approval/trend" > /dev/null

# --- 1. a write through A, read through B (no LSN sent: only the caches and the replica's lag matter)
status=$(post "$A/polls" "$(poll_body scale-research 2026-03-20 58 38)")
[ "$status" = 201 ] || fail "new poll: $status"
NEW_ID=$(json "d['id']")
written=$(now_ms)
seen_trend=""; seen_house=""
while [ $(( $(now_ms) - written )) -lt 5000 ]; do
    if [ -z "$seen_trend" ] && curl -sf "$B/series/governor-approval/trend" | grep -q "[[,]$NEW_ID[],]"; then
        seen_trend=$(( $(now_ms) - written ))
    fi
    if [ -z "$seen_house" ] && curl -sf "$B/series/governor-approval/house-effects" | grep -Eq '"slug":"scale-research"[^{]*"polls":5[,}]'; then
        seen_house=$(( $(now_ms) - written ))
    fi
    [ -n "$seen_trend" ] && [ -n "$seen_house" ] && break
    sleep 0.05
done
log "poll $NEW_ID written through A: in B's trend after ${seen_trend:-never} ms, in B's house effects after ${seen_house:-never} ms"
[ -n "$seen_trend" ] && [ "$seen_trend" -le 1000 ] || fail "B's trend did not show poll $NEW_ID within 1 s"
[ -n "$seen_house" ] && [ "$seen_house" -le 1000 ] || fail "B's house effects did not count poll $NEW_ID within 1 s"

# a revision through A changes the lead B reports for that poll
etag=$(curl -s -D - -o /dev/null "$A/polls/$FIRST_ID" | grep -i '^etag:' | cut -d' ' -f2 | tr -d '\r')
status=$(curl -s -o "$WORK/last.json" -D "$WORK/last.headers" -X PUT "${AUTH[@]}" -H 'Content-Type: application/json' \
    -H "If-Match: $etag" -d "$(poll_body other-research 2026-03-13 40 55)" "$A/polls/$FIRST_ID?reason=Corrected%20weighting" -w '%{http_code}')
[ "$status" = 200 ] || fail "revision: $status"
FIRST_QID=$(json "d['questions'][0]['id']")
revised=$(now_ms)
seen_lead=""
while [ $(( $(now_ms) - revised )) -lt 5000 ]; do
    if curl -s "$B/polls/$FIRST_ID/questions/$FIRST_QID/comparison" | grep -q '"lead":15.0'; then
        seen_lead=$(( $(now_ms) - revised )); break
    fi
    sleep 0.05
done
log "revision of poll $FIRST_ID through A: B's lead comparison changed after ${seen_lead:-never} ms"
[ -n "$seen_lead" ] && [ "$seen_lead" -le 1000 ] || fail "B's comparison did not change within 1 s"

# --- 2. read-your-writes through the lagging standby
with_ok=0; with_stale=0; with_replica=0; with_primary=0; without_stale=0
for i in $(seq 1 "$ROUNDS"); do
    status=$(post "$A/polls" "$(poll_body other-research 2026-04-$(printf %02d $(( (i % 28) + 1 ))) 47 47)")
    [ "$status" = 201 ] || { fail "write $i: $status"; continue; }
    id=$(grep -o '"id":[0-9]*' "$WORK/last.json" | head -1 | cut -d: -f2); lsn=$(header Pollwatch-Commit-LSN)
    [ -n "$lsn" ] || fail "write $i answered no Pollwatch-Commit-LSN"
    # without the header first (a 404 is not cached): the standby has not replayed the commit yet
    code=$(curl -s -o /dev/null -w '%{http_code}' "$B/polls/$id")
    [ "$code" = 404 ] && without_stale=$((without_stale + 1))
    code=$(curl -s -o /dev/null -D "$WORK/get.headers" -w '%{http_code}' -H "Pollwatch-Min-LSN: $lsn" "$B/polls/$id")
    source_used=$({ grep -i '^pollwatch-read-source:' "$WORK/get.headers" || true; } | cut -d' ' -f2 | tr -d '\r')
    if [ "$code" = 200 ]; then with_ok=$((with_ok + 1)); else with_stale=$((with_stale + 1)); fi
    case $source_used in replica) with_replica=$((with_replica + 1)) ;; primary) with_primary=$((with_primary + 1)) ;; esac
done
log "read-your-writes, $ROUNDS writes through A, standby replaying ${APPLY_DELAY} late:"
log "  GET through B without the LSN: $without_stale of $ROUNDS missed the write (the standby's lag)"
log "  GET through B with Pollwatch-Min-LSN: $with_ok found it, $with_stale missed it; served by replica $with_replica, by primary $with_primary"
[ "$with_stale" = 0 ] || fail "$with_stale reads that sent the commit LSN missed the write"
curl -s "$B/q/metrics" 2>/dev/null | grep -E '^pollwatch_(replica|read_routing)' > "$WORK/metrics-b.txt" || \
    curl -s "http://127.0.0.1:$((MGMT_BASE_PORT + 2))/q/metrics" | grep -E '^pollwatch_(replica|read_routing)' > "$WORK/metrics-b.txt" || true
sed 's/^/  metric /' "$WORK/metrics-b.txt" >&2
if [ "$failures" = 0 ]; then log "consistency: all checks passed"; else log "consistency: $failures checks failed"; exit 1; fi
