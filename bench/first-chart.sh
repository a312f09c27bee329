#!/usr/bin/env bash
# The first trend of a series right after its import, in a JVM that has served nothing yet: the case
# the startup warm-up (pollwatch.trends.warm-up-polls) is for. ROUNDS rounds, each a fresh instance
# with the warm-up off (POLLWATCH_TRENDS_WARM_UP_POLLS=0, the baseline) and then one with it on,
# against one private PostgreSQL cluster (temporary directory, loopback). Each instance waits for
# its startup probe (/q/health/started), imports two new series of POLLS polls (the generator of
# run.sh's trend bench), and times the first GET /series/{key}/trend.svg of the first and the first
# GET /series/{key}/trend (JSON) of the second, and the first import's own time.
# Usage: bench/first-chart.sh   (env: ROUNDS=3 POLLS=10000 BUILD=1 JAVA_OPTS=-Xmx256m;
#        WARM_UP_POLLS for the "on" instances, the service's default when unset; OFF_ENV, the
#        baseline's settings, POLLWATCH_TRENDS_WARM_UP_POLLS=0 when unset; PAUSE=0 seconds between
#        an import and the request that follows it; READER=second sends the requests to a second
#        instance on the same database, started with the same settings, instead of the importing one;
#        READER=restarted imports both series first, then starts that second instance and sends the
#        requests to it once it reports started, PAUSE seconds after;
#        ports PRIMARY_PORT=18910 APP_BASE_PORT=18900 MGMT_BASE_PORT=18920)
PRIMARY_PORT=${PRIMARY_PORT:-18910}
APP_BASE_PORT=${APP_BASE_PORT:-18900}
MGMT_BASE_PORT=${MGMT_BASE_PORT:-18920}
source "$(dirname "$0")/replicas/cluster.sh"
trap stop_all EXIT
set -euo pipefail
ROUNDS=${ROUNDS:-3}
POLLS=${POLLS:-10000}
PAUSE=${PAUSE:-0}
READER=${READER:-same}
OFF_ENV=${OFF_ENV:-POLLWATCH_TRENDS_WARM_UP_POLLS=0}
APP=http://127.0.0.1:$((APP_BASE_PORT + 1))
case "$READER" in second) READER_N=2 ;; *) READER_N=1 ;; esac
READ=http://127.0.0.1:$((APP_BASE_PORT + READER_N))
[ "$READER" = restarted ] && READ=http://127.0.0.1:$((APP_BASE_PORT + 2))
BENCH_DIR=$ROOT/bench
CSV_SOURCE=$ROOT/src/test/resources/fivethirtyeight-covid/covid_approval_polls_biden_all.csv

import() { # key seed; prints the import's time in seconds, fails unless every row was stored
    python3 "$BENCH_DIR/gen_fivethirtyeight.py" "$CSV_SOURCE" "$WORK/$1.csv" "$POLLS" "$2"
    curl -sf -o "$WORK/$1.json" -w '%{time_total}' "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary @"$WORK/$1.csv" \
        "$APP/imports/fivethirtyeight?series=$1"
    jq -e ".accepted == $POLLS" "$WORK/$1.json" > /dev/null || { echo "import of $1 stored less than $POLLS polls: $(cat "$WORK/$1.json")" >&2; return 1; }
}

start_started() { # name n settings...; returns once the instance reports started
    local name=$1 n=$2 started
    shift 2
    start_app "$name" "$n" POLLWATCH_RATE_LIMITS_IMPORTS_PER_KEY=1000000 "$@"
    started=$(health_url $((APP_BASE_PORT + n)) | sed 's#/ready$#/started#')
    until curl -sf -o /dev/null "$started"; do sleep 0.2; done
    log "$name: $(curl -s "$started" | jq -c '[.checks[] | select(.name == "Chart warm-up") | .data]')"
}

first_get() { # path under /series/; prints the request's time in seconds
    curl -s -o /dev/null -w '%{time_total}' "$READ/series/$1"
}

median() { sort -n | awk '{ v[NR] = $1 * 1000 } END { printf "%.0f ms", v[int((NR + 1) / 2)] }'; }

build_app
start_primary
log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
: > "$WORK/first.txt"
seed=60000
for round in $(seq 1 "$ROUNDS"); do
    for warm in off on; do
        extra=()
        if [ "$warm" = off ]; then read -r -a extra <<< "$OFF_ENV"
        elif [ -n "${WARM_UP_POLLS:-}" ]; then extra=(POLLWATCH_TRENDS_WARM_UP_POLLS=$WARM_UP_POLLS); fi
        for n in $(seq 1 "$READER_N"); do start_started "app-$round-$warm-$n" "$n" "${extra[@]}"; done
        # the seed counted out here: an increment inside $(...) would be lost with its subshell
        seed=$((seed + 1))
        imported=$(import "first-$round-$warm-svg" "$seed")
        if [ "$READER" = restarted ]; then
            import "first-$round-$warm-json" $((seed += 1)) > /dev/null
            start_started "app-$round-$warm-2" 2 "${extra[@]}"
            sleep "$PAUSE"
            svg=$(first_get "first-$round-$warm-svg/trend.svg")
            json=$(first_get "first-$round-$warm-json/trend")
            stop_app "app-$round-$warm-2"
        else
            sleep "$PAUSE"
            svg=$(first_get "first-$round-$warm-svg/trend.svg")
            import "first-$round-$warm-json" $((seed += 1)) > /dev/null
            sleep "$PAUSE"
            json=$(first_get "first-$round-$warm-json/trend")
        fi
        log "round $round, warm-up $warm: first trend.svg ${svg} s, first trend JSON ${json} s (read from $READ), import ${imported} s"
        echo "$warm $svg $json $imported" >> "$WORK/first.txt"
        for n in $(seq 1 "$READER_N"); do stop_app "app-$round-$warm-$n"; done
    done
done
for warm in off on; do
    log "warm-up $warm, median of $ROUNDS: first trend.svg $(awk -v w=$warm '$1 == w { print $2 }' "$WORK/first.txt" | median)," \
        "first trend JSON $(awk -v w=$warm '$1 == w { print $3 }' "$WORK/first.txt" | median)," \
        "import $(awk -v w=$warm '$1 == w { print $4 }' "$WORK/first.txt" | median)"
done
