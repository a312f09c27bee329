#!/usr/bin/env bash
# Dashboard pages and the trend chart: a private PostgreSQL cluster (temporary directory, loopback),
# the packaged app against it, a series of POLLS polls imported (the generator of run.sh's trend
# bench), a small series of SMALL polls beside it, then, warm:
#   - time to first byte (curl, SAMPLES requests one after another, p50/p99) of the home page and
#     of both series pages, and their latency under CONNECTIONS connections (wrk);
#   - page weight: the HTML and the scripts and style sheets it loads, as sent (gzip) and unpacked;
#   - GET /series/{key}/trend.svg: renders/s with If-None-Match (304, the ETag a browser or CDN
#     keeps) and without (200 from the rendering cache), wrk;
#   - cold renders of the large series: the first chart after the import (trend and JIT cold), then
#     RENDERS charts of sizes never asked for (rendering cache miss, trend warm) and RENDERS charts
#     of `to` dates never asked for (trend computed, or realtime resumed, and drawn anew), each after
#     as many not measured that warm the JIT on its path;
#   - the large series page right after a change of another series (RENDERS times);
#   - the large series' chart right after a change of its own data (RENDERS times, after as many
#     rounds not measured), and CONCURRENT trend requests at once after such a change (RENDERS times).
# Usage: bench/pages.sh   (env: POLLS=10000 SMALL=60 SAMPLES=500 TTFB_BUDGET=60 RENDERS=20 DURATION=15 CONNECTIONS=8
#        BUILD=1 JAVA_OPTS=-Xmx256m; ports PRIMARY_PORT=18810 APP_BASE_PORT=18800 MGMT_BASE_PORT=18820)
PRIMARY_PORT=${PRIMARY_PORT:-18810}
APP_BASE_PORT=${APP_BASE_PORT:-18800}
MGMT_BASE_PORT=${MGMT_BASE_PORT:-18820}
source "$(dirname "$0")/replicas/cluster.sh"
trap stop_all EXIT
set -euo pipefail
POLLS=${POLLS:-10000}
SMALL=${SMALL:-60}
SAMPLES=${SAMPLES:-500}
RENDERS=${RENDERS:-20}
TTFB_BUDGET=${TTFB_BUDGET:-60}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-8}
APP=http://127.0.0.1:$((APP_BASE_PORT + 1))
export BENCH_DIR=$ROOT/bench
CSV_SOURCE=$ROOT/src/test/resources/fivethirtyeight-covid/covid_approval_polls_biden_all.csv

# p50 and p99 in ms of a file of seconds, one a line
percentiles() { sort -n "$1" | awk '{ v[NR] = $1 * 1000 } END {
    i50 = int(NR * 0.50 + 0.5); i99 = int(NR * 0.99 + 0.5); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1
    printf "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d requests)", v[i50], v[i99], v[NR], NR }'; }

ttfb() { # name path: SAMPLES sequential GETs (or as many as TTFB_BUDGET seconds allow), time to first byte
    local out=$WORK/ttfb-$1.txt started
    : > "$out"
    started=$(now_ms)
    for _ in $(seq 1 "$SAMPLES"); do
        curl -s -o /dev/null --compressed -w '%{time_starttransfer}\n' "$APP$2" >> "$out"
        [ $(( $(now_ms) - started )) -lt $(( TTFB_BUDGET * 1000 )) ] || break
    done
    log "TTFB $1 ($2): $(percentiles "$out")"
}

wrk_run() { # name path seconds [wrk args]
    local name=$1 path=$2 secs=$3
    shift 3
    echo "$path" > "$WORK/paths-$name.txt"
    BENCH_PATHS=$WORK/paths-$name.txt wrk -t2 -c"$CONNECTIONS" -d"${secs}s" --latency --timeout 60s \
        -s "$BENCH_DIR/get_lines.lua" "$@" "$APP" > "$WORK/wrk-$name.txt" 2>&1
    grep '^RESULT' "$WORK/wrk-$name.txt" | cut -d' ' -f2-
}

weight() { # name path: the page and what it loads (scripts, style sheets), gzip as sent and unpacked
    local html=$WORK/page-$1.html sent raw asset
    sent=$(curl -s --compressed -o "$html" -w '%{size_download}' "$APP$2")
    log "weight $1: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$APP$2")"
    raw=$(wc -c < "$html")
    local assets
    assets=$(grep -oE '<(script|link)[^>]+(src|href)="/(static|webjars)/[^"]+"' "$html" \
        | grep -vE 'rel="(alternate|icon)"' | grep -oE '"/(static|webjars)/[^"]+"' | tr -d '"' | sort -u || true)
    for asset in $assets; do
        sent=$(( sent + $(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$APP$asset") ))
        raw=$(( raw + $(curl -s -o /dev/null -w '%{size_download}' "$APP$asset") ))
    done
    log "weight $1 ($2): $(( sent / 1024 )) KiB sent (gzip), $(( raw / 1024 )) KiB unpacked; HTML $(( $(wc -c < "$html") / 1024 )) KiB; loads: $(echo $assets)"
}

build_app
start_primary
start_app app 1 POLLWATCH_RATE_LIMITS_WRITES_PER_KEY=1000000 POLLWATCH_RATE_LIMITS_WRITES_PER_ADDRESS=1000000 \
    POLLWATCH_RATE_LIMITS_IMPORTS_PER_KEY=1000000
log "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
log "run: POLLS=$POLLS SMALL=$SMALL SAMPLES=$SAMPLES RENDERS=$RENDERS DURATION=${DURATION}s CONNECTIONS=$CONNECTIONS JAVA_OPTS=${JAVA_OPTS:--Xmx256m} $(java -version 2>&1 | head -1)"

for series in "bench-trend:$POLLS:10000" "bench-small:$SMALL:20000"; do
    IFS=: read -r key rows seed <<< "$series"
    python3 "$BENCH_DIR/gen_fivethirtyeight.py" "$CSV_SOURCE" "$WORK/$key.csv" "$rows" "$seed"
    curl -sf -o "$WORK/$key-import.json" "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary @"$WORK/$key.csv" \
        "$APP/imports/fivethirtyeight?series=$key"
    log "series $key: $(jq -c '{rowsRead, accepted, rejectedCount}' "$WORK/$key-import.json")"
done

# --- cold charts of the large series -----------------------------------------------------------------
first=$(curl -s -o "$WORK/trend.svg" -w '%{http_code} %{time_total}' "$APP/series/bench-trend/trend.svg")
log "first trend.svg after the import (trend and JIT cold): HTTP ${first% *}, ${first#* } s, $(( $(wc -c < "$WORK/trend.svg") / 1024 )) KiB"
# warm the JVM on the rendering path with sizes the measured runs do not use
for w in $(seq 300 20 700); do curl -s -o /dev/null "$APP/series/bench-trend/trend.svg?width=$w&height=301"; done
: > "$WORK/cold-size.txt"
for i in $(seq 1 "$RENDERS"); do
    curl -s -o /dev/null -w '%{time_total}\n' "$APP/series/bench-trend/trend.svg?width=$((800 + i))" >> "$WORK/cold-size.txt"
done
log "trend.svg, new size (rendering cache miss, trend warm): $(percentiles "$WORK/cold-size.txt")"
# warm the JVM on the path of a trend for other dates with dates the measured runs do not use
for i in $(seq 1 "$RENDERS"); do curl -s -o /dev/null "$APP/series/bench-trend/trend.svg?to=$(date -u -d "2021-06-30 - $i days" +%F)"; done
: > "$WORK/cold-trend.txt"
for i in $(seq 1 "$RENDERS"); do
    to=$(date -u -d "2021-12-31 - $i days" +%F)
    curl -s -o /dev/null -w '%{time_total}\n' "$APP/series/bench-trend/trend.svg?to=$to" >> "$WORK/cold-trend.txt"
done
log "trend.svg, new 'to' date (trend computed or resumed, chart drawn anew; JIT warm): $(percentiles "$WORK/cold-trend.txt")"

# --- warm charts ---------------------------------------------------------------------------------------
etag=$(curl -s -D - -o /dev/null "$APP/series/bench-trend/trend.svg" | awk -F': ' 'tolower($1) == "etag" { print $2 }' | tr -d '\r')
wrk_run svg-warmup /series/bench-trend/trend.svg 5 > /dev/null
log "trend.svg with If-None-Match $etag (304): $(wrk_run svg-304 /series/bench-trend/trend.svg "$DURATION" -H "If-None-Match: $etag")"
log "trend.svg without If-None-Match (200, rendering cache): $(wrk_run svg-200 /series/bench-trend/trend.svg "$DURATION")"

# --- pages ---------------------------------------------------------------------------------------------
for page in "home:/" "series-large:/dashboard/series/bench-trend" "series-small:/dashboard/series/bench-small"; do
    name=${page%%:*} path=${page#*:}
    wrk_run "$name-warmup" "$path" 5 -H 'Accept-Encoding: gzip' > /dev/null
    ttfb "$name" "$path"
    if [ "$name" = series-large ]; then
        # where one request's time goes: three thread dumps of the worker thread while it runs
        curl -s -o /dev/null "$APP$path" &
        request=$!
        for _ in 1 2 3; do
            sleep 1
            jcmd "${APP_PIDS[app]}" Thread.print | awk '/^"executor-thread/,/^$/' >> "$WORK/series-large-stacks.txt"
        done
        wait "$request"
    fi
    log "wrk $name ($path, gzip): $(wrk_run "$name" "$path" "$DURATION" -H 'Accept-Encoding: gzip')"
    weight "$name" "$path"
done
# --- the large series page right after a change of data --------------------------------------------
# a poll imported into another series raises that series' generation only: the page's trend, polls
# and parts stay cached (RENDERS times, each first request timed)
python3 "$BENCH_DIR/gen_fivethirtyeight.py" "$CSV_SOURCE" "$WORK/change.csv" 1 30000
: > "$WORK/page-changed.txt"
for i in $(seq 1 "$RENDERS"); do
    curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary @"$WORK/change.csv" \
        "$APP/imports/fivethirtyeight?series=bench-change-$i"
    curl -s -o /dev/null --compressed -w '%{time_starttransfer}\n' "$APP/dashboard/series/bench-trend" >> "$WORK/page-changed.txt"
done
log "TTFB series-large right after a change of another series (its own cache kept): $(percentiles "$WORK/page-changed.txt")"
# --- the large series right after a change of its own data, JIT warm -----------------------------------
# one poll imported into the large series: its polls are read, its trend computed and its chart drawn
# anew (RENDERS times, after as many rounds not measured that warm the JIT on this path); then
# CONCURRENT requests at once after such a change, which one computation serves
: > "$WORK/svg-own-change.txt"
for i in $(seq 1 $((2 * RENDERS))); do
    python3 "$BENCH_DIR/gen_fivethirtyeight.py" "$CSV_SOURCE" "$WORK/own.csv" 1 $((31000 + i))
    curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary @"$WORK/own.csv" \
        "$APP/imports/fivethirtyeight?series=bench-trend"
    took=$(curl -s -o /dev/null -w '%{time_total}' "$APP/series/bench-trend/trend.svg")
    [ "$i" -le "$RENDERS" ] || echo "$took" >> "$WORK/svg-own-change.txt"
done
log "trend.svg right after a change of its series (polls read, trend computed, chart drawn): $(percentiles "$WORK/svg-own-change.txt")"
CONCURRENT=${CONCURRENT:-16}
: > "$WORK/concurrent-change.txt"
for i in $(seq 1 "$RENDERS"); do
    python3 "$BENCH_DIR/gen_fivethirtyeight.py" "$CSV_SOURCE" "$WORK/own.csv" 1 $((32000 + i))
    curl -sf -o /dev/null "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary @"$WORK/own.csv" \
        "$APP/imports/fivethirtyeight?series=bench-trend"
    seq 1 "$CONCURRENT" | xargs -P "$CONCURRENT" -I{} curl -s -o /dev/null -w '%{time_total}\n' \
        "$APP/series/bench-trend/trend" >> "$WORK/concurrent-change.txt"
done
log "GET trend, $CONCURRENT requests at once right after a change of its series ($RENDERS rounds): $(percentiles "$WORK/concurrent-change.txt")"
log "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
