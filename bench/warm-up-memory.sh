#!/usr/bin/env bash
# Where the startup warm-up's memory goes, in the small-footprint set-ups (JVM mode): RSS after 1,000
# sequential GET /polls/{id}, and how much of it is the Java heap (the resident part of the heap's
# mappings, read from /proc/<pid>/smaps; with -Xmx64m and compressed oops the heap takes the 64 MiB
# below 4 GiB),
# with the warm-up off, on (10,000 synthetic polls, the default), on with 2,000 polls, and on with a
# heap allowed to shrink back after it (-Xms16m and tighter free ratios).
#
# Environment (all optional): JDK17=/usr/lib/jvm/java-17-openjdk-amd64 JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
#   RUNS=3 OUT=bench/results/warm-up-memory-<utc stamp>. Needs target/quarkus-app (./mvnw package).
# Output: $OUT/warm-up-memory.md (table), $OUT/app.log.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUNS=${RUNS:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=pollwatch_warmup
OUT=${OUT:-$ROOT/bench/results/warm-up-memory-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
APP=$ROOT/target/quarkus-app
PORT=18083
BASE=http://127.0.0.1:$PORT
SMALL="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx64m -Xmn8m -Xss256k -XX:ReservedCodeCacheSize=32m"
SHRINK="-Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"

[ -f "$APP/quarkus-run.jar" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $DB" -c "create database $DB"

APP_PID=
trap 'if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi' EXIT

run_once() { # java flags... ; prints "rss heap" in MB
    local java=$1
    shift
    (cd "$APP" && QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_HTTP_PORT=$PORT \
        QUARKUS_HTTP_HOST=127.0.0.1 POLLWATCH_KEYS_SECRET=bench-key-secret-not-for-production-use \
        POLLWATCH_ADMIN_BOOTSTRAP_KEY=bench-bootstrap-admin-key-not-for-production \
        exec "$java" "$@" -jar quarkus-run.jar > "$OUT/app.log" 2>&1) &
    APP_PID=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/started")" = 200 ]; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited; see $OUT/app.log" >&2; exit 1; }
        sleep 0.05
    done
    local id
    id=$(curl -s "$BASE/polls?size=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
    for _ in $(seq 1000); do printf 'url = "%s/polls/%s"\noutput = /dev/null\n' "$BASE" "$id"; done > "$OUT/curl.cfg"
    curl -s -K "$OUT/curl.cfg"
    local rss heap
    rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$APP_PID/status")
    heap=$(awk '/^[0-9a-f]+-[0-9a-f]+ / { split($1, a, "-"); on = (length(a[1]) == 8 && a[1] >= "fc000000") }
        on && /^Rss:/ { kb += $2 } END { print int(kb / 1024) }' "/proc/$APP_PID/smaps")
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    echo "$rss $heap"
}

{
    echo "# RSS of the startup warm-up, small footprint"
    echo
    echo "- date: $(date -u); commit $(git -C "$ROOT" rev-parse --short HEAD)"
    echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- small = \`$SMALL\`; shrink = \`$SHRINK\`; $RUNS runs each"
    echo
    echo "| JVM | warm-up | RSS after 1,000 requests (MB) | of which Java heap (MB) |"
    echo "|---|---|---|---|"
} > "$OUT/warm-up-memory.md"

measure() { # label warm-up-label java flags...
    local label=$1 setup=$2 java=$3
    shift 3
    local rss=() heap=()
    for _ in $(seq "$RUNS"); do
        read -r r h < <(run_once "$java" "$@")
        rss+=("$r")
        heap+=("$h")
    done
    range() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print (lo == hi ? lo : lo "-" hi) }'; }
    echo "| $label | $setup | $(range "${rss[@]}") | $(range "${heap[@]}") |" | tee -a "$OUT/warm-up-memory.md"
}

# shellcheck disable=SC2086
for jdk in "OpenJDK 17:$JDK17" "Temurin 25:$JDK25"; do
    label=${jdk%%:*}
    java=${jdk#*:}/bin/java
    measure "$label" "off" "$java" $SMALL -Dpollwatch.trends.warm-up-polls=0
    measure "$label" "on (10,000 polls)" "$java" $SMALL
    measure "$label" "on, 2,000 polls" "$java" $SMALL -Dpollwatch.trends.warm-up-polls=2000
    measure "$label" "on, heap may shrink" "$java" $SMALL $SHRINK
done
echo >> "$OUT/warm-up-memory.md"
echo "- load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/warm-up-memory.md"
psql -X -q -d postgres -c "drop database if exists $DB"
cat "$OUT/warm-up-memory.md"
