# Shared by the scale-out proofs (sourced, not run): a private PostgreSQL primary and streaming
# standby in a temporary directory, Pollwatch instances on loopback ports, HAProxy in front.
# Everything started here is stopped by stop_all (installed as the EXIT trap by the scripts).
#
# Ports (override with the variables): HAProxy 18500, instances 18501.., management 18521..,
# primary 18510, standby 18511.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
PRIMARY_PORT=${PRIMARY_PORT:-18510}
STANDBY_PORT=${STANDBY_PORT:-18511}
LB_PORT=${LB_PORT:-18500}
APP_BASE_PORT=${APP_BASE_PORT:-18500}
MGMT_BASE_PORT=${MGMT_BASE_PORT:-18520}
APP_JAR=${APP_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
WORK=${WORK:-$(mktemp -d /tmp/pollwatch-scale.XXXXXX)}
DB=pollwatch
# Writes need an API key once accounts exist; the scripts send it when set.
# writes need an API key: every instance accepts this one as its bootstrap administrator key
API_KEY=${API_KEY:-cluster-bootstrap-admin-key-not-for-production}
declare -A APP_PIDS=()
PIDS_TO_STOP=()

log() { echo "[$(date -u +%H:%M:%S.%3N)] $*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The postgres server refuses to run as root: run its tools as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_primary() {
    mkdir -p "$WORK" && chmod 777 "$WORK"
    as_pg "$PG_BIN/initdb" -A trust -U postgres -D "$WORK/primary" > "$WORK/initdb.log"
    cat >> "$WORK/primary/postgresql.conf" <<CONF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
max_wal_senders = 4
max_connections = ${PG_MAX_CONNECTIONS:-100}
shared_buffers = 128MB
fsync = ${PG_FSYNC:-on}
CONF
    echo "host replication all 127.0.0.1/32 trust" >> "$WORK/primary/pg_hba.conf"
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start > /dev/null
    PIDS_TO_STOP+=(pg:primary)
    psql -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -c "create database $DB"
    log "primary on 127.0.0.1:$PRIMARY_PORT ($WORK/primary)"
}

# A streaming standby cloned with pg_basebackup; -R writes standby.signal and primary_conninfo.
# APPLY_DELAY (e.g. 300ms) makes it replay each commit that much later: a lagging replica on demand.
start_standby() {
    as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/standby" -R -X stream -c fast
    cat >> "$WORK/standby/postgresql.conf" <<CONF
port = $STANDBY_PORT
hot_standby = on
recovery_min_apply_delay = '${APPLY_DELAY:-0}'
CONF
    test -f "$WORK/standby/standby.signal"
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/standby" -l "$WORK/standby.log" -w start > /dev/null
    PIDS_TO_STOP+=(pg:standby)
    [ "$(psql -X -At -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -d postgres -c 'select pg_is_in_recovery()')" = t ]
    log "standby on 127.0.0.1:$STANDBY_PORT, replaying with delay ${APPLY_DELAY:-0}"
}

primary_sql() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d "$DB" "$@"; }

build_app() {
    if [ ! -f "$APP_JAR" ] || [ -n "${BUILD:-}" ]; then
        log "building the application"
        (cd "$ROOT" && ./mvnw -B -q package -DskipTests) > "$WORK/build.log" 2>&1
    fi
}

# start_app NAME N [extra env assignments...]: instance N on port APP_BASE_PORT+N.
start_app() {
    local name=$1 n=$2
    shift 2
    local port=$((APP_BASE_PORT + n)) mgmt=$((MGMT_BASE_PORT + n))
    env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/$DB" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
        QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
        QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$mgmt" \
        POLLWATCH_ADMIN_BOOTSTRAP_KEY="$API_KEY" POLLWATCH_KEYS_SECRET=cluster-key-secret-not-for-production-use \
        "$@" java ${JAVA_OPTS:--Xmx256m} -jar "$APP_JAR" >> "$WORK/$name.log" 2>&1 &
    APP_PIDS[$name]=$!
    wait_ready "$name" "$port"
}

health_url() { # port: readiness on the management interface if there is one, else on the HTTP port
    local port=$1 mgmt=$(( $1 - APP_BASE_PORT + MGMT_BASE_PORT ))
    if curl -s -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready"; then
        echo "http://127.0.0.1:$mgmt/q/health/ready"
    else
        echo "http://127.0.0.1:$port/q/health/ready"
    fi
}

wait_ready() {
    local name=$1 port=$2 started
    started=$(now_ms)
    until curl -sf -o /dev/null "$(health_url "$port")"; do
        kill -0 "${APP_PIDS[$name]}" 2>/dev/null || { log "$name exited; see $WORK/$name.log"; tail -20 "$WORK/$name.log" >&2; exit 1; }
        [ $(( $(now_ms) - started )) -lt 120000 ] || { log "$name not ready after 120 s"; exit 1; }
        sleep 0.1
    done
    log "$name ready on 127.0.0.1:$port after $(( $(now_ms) - started )) ms"
}

# Graceful stop: SIGTERM, as Kubernetes sends it; returns once the process has exited.
stop_app() {
    local name=$1 pid=${APP_PIDS[$1]:-}
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset "APP_PIDS[$name]"
}

# HAProxy in front of instances 1..N, checking readiness every 500 ms.
start_haproxy() {
    local count=$1 i port check_port
    {
        cat <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout check 2s
    retries 3
    option redispatch
    # a refused connection or a 503 (an instance that is shutting down accepts no new request)
    # never reached the application: safe to send elsewhere, even for a POST
    retry-on conn-failure 503
frontend api
    bind 127.0.0.1:$LB_PORT
    default_backend pollwatch
backend pollwatch
    balance roundrobin
    option httpchk GET /q/health/ready
    http-check expect status 200
CFG
        for i in $(seq 1 "$count"); do
            port=$((APP_BASE_PORT + i))
            check_port=$(health_url "$port" | sed -E 's#http://127.0.0.1:([0-9]+)/.*#\1#')
            echo "    server app$i 127.0.0.1:$port check port $check_port inter 500ms fall 3 rise 2"
        done
    } > "$WORK/haproxy.cfg"
    haproxy -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
    PIDS_TO_STOP+=(haproxy)
    log "haproxy on 127.0.0.1:$LB_PORT in front of $count instances"
}

stop_all() {
    local name
    for name in "${!APP_PIDS[@]}"; do stop_app "$name"; done
    for name in "${PIDS_TO_STOP[@]}"; do
        case $name in
            pg:*) as_pg "$PG_BIN/pg_ctl" -D "$WORK/${name#pg:}" -m fast -w stop > /dev/null 2>&1 || true ;;
            haproxy) [ -f "$WORK/haproxy.pid" ] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true ;;
        esac
    done
    if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK/primary" "$WORK/standby"; fi
    log "stopped; logs in $WORK"
}

# curl arguments that send the key: an array, so the header stays one word
AUTH=()
if [ -n "$API_KEY" ]; then AUTH=(-H "Authorization: Bearer $API_KEY"); fi
