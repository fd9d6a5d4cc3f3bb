# Sourced by the core-service load scripts (order-benchmark.sh, breach-benchmark.sh): builds the jars, starts a
# durable PostgreSQL of the script's own (PG=durable, the default) and the devstack on it, and stops both on exit.
# Expects: cwd = repository root, bin/jdk.sh sourced, $OUT set. Environment: SKIP_BUILD, CORE_URL, PG, PG_BIN,
# PGHOST/PGPORT/PGUSER (see order-benchmark.sh). After `core_stack_start`: $CORE_URL is set; the devstack's log is
# $OUT/devstack.log. Any extra environment the caller exports (e.g. MARKET_DATA_SOURCES) reaches the services.
PG_MODE=${PG:-durable}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-15432} PGUSER=${PGUSER:-postgres}
core_stack_pid="" core_stack_pgdata="" core_stack_as_pg=()

core_stack_build() {
  [ "${SKIP_BUILD:-0}" = 1 ] && return 0
  ./mvnw -B -q -Dmaven.test.skip=true install -pl backend/devstack,backend/benchmarks -am >"$OUT/build.log" 2>&1 \
    || { grep -v "^WARNING" "$OUT/build.log" | tail -30 >&2; echo "build failed ($OUT/build.log)" >&2; exit 1; }
}

core_stack_cleanup() {
  if [ -n "$core_stack_pid" ]; then kill "$core_stack_pid" 2>/dev/null || true; wait "$core_stack_pid" 2>/dev/null || true; fi
  if [ -n "$core_stack_pgdata" ]; then
    "${core_stack_as_pg[@]}" "$PG_BIN/pg_ctl" -D "$core_stack_pgdata" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$core_stack_pgdata"
  fi
}

core_stack_start() {
  trap core_stack_cleanup EXIT
  if [ -n "${CORE_URL:-}" ]; then return 0; fi
  CORE_URL=http://127.0.0.1:3000
  local db_env=()
  if [ "$PG_MODE" = durable ]; then
    if [ -z "${PG_BIN:-}" ]; then
      PG_BIN=$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)
      [ -n "$PG_BIN" ] || PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    fi
    [ -x "$PG_BIN/postgres" ] || { echo "no PostgreSQL server binaries (set PG_BIN, or run ./run-local once)" >&2; exit 1; }
    core_stack_pgdata=$(mktemp -d /tmp/vatic-core-bench-pg.XXXXXX)
    if [ "$(id -u)" = 0 ]; then chown postgres "$core_stack_pgdata"; core_stack_as_pg=(runuser -u postgres --); fi # initdb refuses root
    "${core_stack_as_pg[@]}" "$PG_BIN/initdb" -D "$core_stack_pgdata" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    "${core_stack_as_pg[@]}" "$PG_BIN/pg_ctl" -D "$core_stack_pgdata" -l "$core_stack_pgdata/server.log" -w -o "-p $PGPORT \
      -c listen_addresses=127.0.0.1 -c unix_socket_directories=$core_stack_pgdata -c max_connections=300 \
      -c default_transaction_isolation=serializable -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
      -c shared_buffers=256MB" start >/dev/null
    psql -q -d postgres -c "CREATE DATABASE vatic"
    db_env=(env DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/vatic")
    echo "PostgreSQL: $("$PG_BIN/postgres" --version) started by this script, data in $core_stack_pgdata (same disk as the build)"
  fi
  "${db_env[@]}" java -Dvatic.root="$PWD" -jar backend/devstack/target/devstack-exec.jar >"$OUT/devstack.log" 2>&1 &
  core_stack_pid=$!
  until grep -q "platform ready in\|platform NOT ready" "$OUT/devstack.log"; do
    kill -0 "$core_stack_pid" 2>/dev/null || { echo "devstack exited, see $OUT/devstack.log" >&2; tail -20 "$OUT/devstack.log" >&2; exit 1; }
    sleep 0.5
  done
  grep "platform .*ready" "$OUT/devstack.log"
  grep -q "platform ready in" "$OUT/devstack.log" || exit 1
}

# What the figures ran on, and how busy the machine was when the run started.
core_stack_banner() {
  echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1)"
  echo "start $(date -u +%FT%TZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The PostgreSQL settings that matter for the figures, as the server reports them.
core_stack_show_pg() {
  psql -Atq -d "$1" -c "SELECT current_setting('server_version') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync') || ', full_page_writes=' || current_setting('full_page_writes') || ', default_transaction_isolation=' || current_setting('default_transaction_isolation')"
}

# One figure of a harness's "RESULT name=value …" line ($RESULT).
core_stack_figure() {
  sed "s/.*[ ]$1=\([0-9.]*\).*/\1/" <<<" $RESULT"
}

# The head of the figures table both scripts print last.
core_stack_table_head() {
  echo
  echo "| figure | measured | target | |"
  echo "|---|---|---|---|"
}
