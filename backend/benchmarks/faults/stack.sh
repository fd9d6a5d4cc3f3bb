# Sourced by backend/benchmarks/fault-scenarios.sh (issue 12): the platform as separate processes on loopback, each
# of which a scenario can stop, kill and start again with its data kept —
#   Kafka      `kafka.Kafka` (org.apache.kafka:kafka_2.13, KRaft, one broker+controller), data in $FAULT_DIR/kafka
#   PostgreSQL pg_ctl on a data directory (zonky's PostgreSQL 18 binaries, else /usr/lib/postgresql/*/bin)
#   Redis      Debian's redis-server
#   services   the executable jars (core, market-data with the simulated feed, report, monte-carlo, websocket)
# on fixed ports away from the usual ones (base $FAULT_PORT_BASE, default 24000: Kafka +92/+93, PostgreSQL +432,
# Redis +379, services +0..+4, a second websocket-service +13). Every process started here is stopped by
# stack_cleanup (the scenario's EXIT trap), by its own pid.
# Expects: cwd = repository root, bin/jdk.sh sourced, $FAULT_DIR set (a fresh directory).

FAULT_PORT_BASE=${FAULT_PORT_BASE:-24000}
READY_TIMEOUT=${READY_TIMEOUT:-600} # seconds a service may take to answer /ready 200 (minutes on a loaded 2-core machine)
KAFKA_PORT=$((FAULT_PORT_BASE + 92))
KAFKA_CONTROLLER_PORT=$((FAULT_PORT_BASE + 93))
PG_PORT=$((FAULT_PORT_BASE + 432))
REDIS_PORT=$((FAULT_PORT_BASE + 379))
declare -A SERVICE_PORT=([core-service]=$FAULT_PORT_BASE [market-data-service]=$((FAULT_PORT_BASE + 1))
  [monte-carlo-service]=$((FAULT_PORT_BASE + 2)) [websocket-service]=$((FAULT_PORT_BASE + 3))
  [report-service]=$((FAULT_PORT_BASE + 4)) [websocket-service-2]=$((FAULT_PORT_BASE + 13)))
declare -A PIDS=()
CORE_URL=http://127.0.0.1:$FAULT_PORT_BASE
DATABASE_URL=postgresql://postgres@127.0.0.1:$PG_PORT/vatic
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --) # initdb and postgres refuse to run as root

log() { echo "[$(date -u +%T)] $*"; }

stack_cleanup() {
  local name
  for name in "${!PIDS[@]}"; do
    [ "$name" = postgres ] && continue
    kill "${PIDS[$name]}" 2>/dev/null || true
  done
  for name in "${!PIDS[@]}"; do
    [ "$name" = postgres ] && continue
    wait "${PIDS[$name]}" 2>/dev/null || true
  done
  [ -n "${PG_BIN:-}" ] && [ -d "$FAULT_DIR/pg" ] && "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$FAULT_DIR/pg" -m immediate -w stop >/dev/null 2>&1 || true
  PIDS=()
}

# --- Kafka -------------------------------------------------------------------------------------------------------
kafka_classpath() {
  local cp=backend/benchmarks/target/fault/kafka.classpath
  if [ ! -s "$cp" ]; then
    mkdir -p "$(dirname "$cp")"
    ./mvnw -B -q -o dependency:build-classpath -pl backend/testkit -Dmdep.outputFile="$PWD/$cp" \
      -Dmdep.includeScope=runtime >"$FAULT_DIR/classpath.log" 2>&1 \
      || ./mvnw -B -q dependency:build-classpath -pl backend/testkit -Dmdep.outputFile="$PWD/$cp" \
        -Dmdep.includeScope=runtime >>"$FAULT_DIR/classpath.log" 2>&1 \
      || { echo "could not resolve the Kafka broker's classpath ($FAULT_DIR/classpath.log)" >&2; exit 1; }
  fi
  cat "$cp"
}

kafka_init() {
  mkdir -p "$FAULT_DIR/kafka/data"
  cat >"$FAULT_DIR/kafka/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$FAULT_DIR/kafka/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
PROPS
  KAFKA_CP=$(kafka_classpath)
  java -cp "$KAFKA_CP" kafka.tools.StorageTool format -t "$(java -cp "$KAFKA_CP" kafka.tools.StorageTool random-uuid)" \
    -c "$FAULT_DIR/kafka/server.properties" >"$FAULT_DIR/kafka/format.log" 2>&1 \
    || { cat "$FAULT_DIR/kafka/format.log" >&2; exit 1; }
}

kafka_start() {
  java -Xms512m -Xmx512m -XX:+UseG1GC -cp "$KAFKA_CP" kafka.Kafka "$FAULT_DIR/kafka/server.properties" \
    >>"$FAULT_DIR/kafka.log" 2>&1 &
  PIDS[kafka]=$!
  wait_port "$KAFKA_PORT" "$READY_TIMEOUT" kafka
}

kafka_stop() { stop_pid kafka TERM; }

# --- PostgreSQL --------------------------------------------------------------------------------------------------
pg_init() {
  if [ -z "${PG_BIN:-}" ]; then
    PG_BIN=$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)
    [ -n "$PG_BIN" ] || PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  [ -x "$PG_BIN/postgres" ] || { echo "no PostgreSQL server binaries (set PG_BIN, or run ./run-local once)" >&2; exit 1; }
  mkdir -p "$FAULT_DIR/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$FAULT_DIR/pg" "$FAULT_DIR"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$FAULT_DIR/pg" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  pg_start
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE vatic"
}

pg_start() {
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$FAULT_DIR/pg" -l "$FAULT_DIR/pg.log" -w -o "-p $PG_PORT \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories=$FAULT_DIR/pg -c max_connections=300 \
    -c default_transaction_isolation=serializable -c fsync=on -c synchronous_commit=on -c shared_buffers=256MB" \
    start >/dev/null
  PIDS[postgres]=1
}

# "fast" shutdown: open sessions are cut and the server goes away, as a failed-over or restarted database would
pg_stop() { "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$FAULT_DIR/pg" -m fast -w stop >/dev/null; }

pg() { psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d vatic "$@"; }

# --- Redis -------------------------------------------------------------------------------------------------------
redis_start() {
  mkdir -p "$FAULT_DIR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$FAULT_DIR/redis" --save "" --appendonly no \
    >>"$FAULT_DIR/redis.log" 2>&1 &
  PIDS[redis]=$!
  wait_port "$REDIS_PORT" 20 redis
}

redis_stop() { stop_pid redis TERM; }

# --- services ----------------------------------------------------------------------------------------------------
# service_start <name> [jar name]: its port from SERVICE_PORT; a second websocket-service is "websocket-service-2"
service_start() {
  local name=$1 jar=${2:-$1} heap=512m flags=(-XX:TieredStopAtLevel=1)
  [ "$name" = core-service ] && { heap=1g; flags=(); }
  env APP_ENV=development DATABASE_URL="$DATABASE_URL" REDIS_HOST=127.0.0.1 REDIS_PORT="$REDIS_PORT" \
    KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" KAFKA_CLIENT_ID="$name" KAFKA_TOPIC_PARTITIONS=3 KAFKA_TOPIC_REPLICATION=1 \
    CORE_JWKS_URL="$CORE_URL/.well-known/jwks.json" CORE_URL="$CORE_URL" \
    MONTECARLO_URL="http://127.0.0.1:${SERVICE_PORT[monte-carlo-service]}" \
    SERVICE_CLIENT_ID=report-service SERVICE_CLIENT_SECRET=fault-report-secret \
    CORS_ALLOWED_ORIGINS=http://127.0.0.1 PORT="${SERVICE_PORT[$name]}" ${SERVICE_ENV:-} \
    java -Xms64m -Xmx$heap "${flags[@]}" -Xshare:auto -jar "backend/$jar/target/$jar-exec.jar" \
    >>"$FAULT_DIR/$name.log" 2>&1 &
  PIDS[$name]=$!
}

# service_ready <name> <seconds>: until /ready answers 200
service_ready() {
  local name=$1 deadline=$((SECONDS + $2))
  until [ "$(http_status "http://127.0.0.1:${SERVICE_PORT[$name]}/ready")" = 200 ]; do
    kill -0 "${PIDS[$name]}" 2>/dev/null || { echo "$name exited; tail of its log:" >&2; tail -20 "$FAULT_DIR/$name.log" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "$name not ready after $2 s" >&2; tail -20 "$FAULT_DIR/$name.log" >&2; exit 1; }
    sleep 1
  done
}

http_status() { curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" || true; }

stack_start() {
  log "infrastructure: Kafka :$KAFKA_PORT, PostgreSQL :$PG_PORT, Redis :$REDIS_PORT (data in $FAULT_DIR)"
  kafka_init
  kafka_start
  pg_init
  redis_start
  # core first (it migrates its schema and serves the JWKS the others verify tokens with)
  service_start core-service
  service_ready core-service "$READY_TIMEOUT"
  local s
  for s in "$@"; do
    case $s in
      websocket-service-2) service_start websocket-service-2 websocket-service ;;
      market-data-service) SERVICE_ENV="MARKET_DATA_SOURCES=simulated" service_start market-data-service ;;
      *) service_start "$s" ;;
    esac
  done
  for s in "$@"; do service_ready "$s" "$READY_TIMEOUT"; done
  log "services ready: core-service $*"
}

wait_port() {
  local port=$1 deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "${PIDS[$3]}" 2>/dev/null || { echo "$3 exited; see $FAULT_DIR/$3.log" >&2; tail -20 "$FAULT_DIR/$3.log" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "$3 not listening on $port after $2 s" >&2; exit 1; }
    sleep 0.5
  done
}

# stop_pid <name> <signal>: signal the process and wait for it to end (SIGKILL after 30 s)
stop_pid() {
  local pid=${PIDS[$1]}
  kill -"$2" "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$1]"
}
