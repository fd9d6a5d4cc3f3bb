#!/usr/bin/env bash
# Orders over HTTP (issue 6, "Performance"): market orders against core-service on real PostgreSQL with the outbox,
# >= 1,000 assessments, next to `pgbench -N` against the same PostgreSQL in the same run (printed: the ratio
# orders/s / pgbench TPS, target >= 0.25; >= 1,000 orders/s sustained 60 s; p99 <= 50 ms; stretch 2,000 orders/s).
#   usage: backend/benchmarks/order-benchmark.sh [seconds=60] [concurrency=32]
#   SKIP_BUILD=1     reuse the built jars
#   CORE_URL=http:// drive a running core-service; its PostgreSQL is then PGHOST:PGPORT as PGUSER (default
#                    127.0.0.1:15432 postgres, the devstack's)
#   PG=durable       (default) this script starts PostgreSQL 18 itself on 127.0.0.1:15432 — fsync, synchronous_commit
#                    and full_page_writes on, default isolation serializable as the test harness — and hands it to the
#                    devstack as DATABASE_URL. The devstack's own embedded server runs fsync=off and
#                    synchronous_commit=off (a test-speed setting, backend/testkit EmbeddedPostgresServer): PG=devstack
#                    uses it anyway, for comparison.
#   PG_BIN=dir       PostgreSQL server binaries (default: zonky's PostgreSQL 18 under /tmp/embedded-pg, extracted by
#                    any earlier devstack or test run; else the newest /usr/lib/postgresql/*/bin)
#   TRADERS=1000 WARMUP=20 PGBENCH_SECONDS=60; PROFILE=1 takes three jstack samples of core-service mid-run
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
SECONDS_RUN=${1:-60}
CONCURRENCY=${2:-32}
TRADERS=${TRADERS:-1000}
WARMUP=${WARMUP:-20}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-60}
OUT=backend/benchmarks/target/order-benchmark
mkdir -p "$OUT"

. backend/benchmarks/lib/core-stack.sh
core_stack_build

core_stack_banner

core_stack_start

show() { core_stack_show_pg "$1"; }
echo "PostgreSQL $PGHOST:$PGPORT, database vatic (core-service): $(show vatic)"

# --- baseline: pgbench -N (TPC-B without the branch/teller updates) on its own database in the same server --------
bench_db=pgbench_orders
psql -q -d postgres -c "DROP DATABASE IF EXISTS $bench_db" -c "CREATE DATABASE $bench_db"
# core-service runs its order transactions READ COMMITTED (row lock on the assessment); pgbench gets the same level
psql -q -d postgres -c "ALTER DATABASE $bench_db SET default_transaction_isolation = 'read committed'"
echo "PostgreSQL database $bench_db (pgbench): $(show $bench_db)"
pgbench -i -q "$bench_db" 2>&1 | tail -1
echo "pgbench -N -c $CONCURRENCY -j 2 -T $PGBENCH_SECONDS $bench_db   (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
pgbench -N -c "$CONCURRENCY" -j 2 -T "$PGBENCH_SECONDS" "$bench_db" >"$OUT/pgbench.txt" 2>&1
grep -E "^(number of (transactions actually processed|failed)|latency average|tps)" "$OUT/pgbench.txt"
TPS=$(awk '/^tps = / {print $3; exit}' "$OUT/pgbench.txt")
psql -q -d postgres -c "DROP DATABASE $bench_db"

# --- orders over HTTP --------------------------------------------------------------------------------------------
# what the database did per order: transactions, rows written, WAL bytes (pg_stat_database of vatic, measured run)
dbstats() { psql -Atq -d vatic -c "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted, tup_fetched, pg_current_wal_lsn() - '0/0'::pg_lsn FROM pg_stat_database WHERE datname = 'vatic'"; }
: >"$OUT/orderload.log"; rm -f "$OUT/orderload.done" "$OUT"/dbstats-*.txt "$OUT"/top.txt "$OUT"/core-jstack-*.txt
core_pid=$(ss -ltnpH "sport = :${CORE_URL##*:}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
(
  # a profile of core-service in the middle of the measured run: CPU per process, three thread dumps 2 s apart
  until grep -q "^measuring" "$OUT/orderload.log" 2>/dev/null; do [ -f "$OUT/orderload.done" ] && exit 0; sleep 1; done
  dbstats >"$OUT/dbstats-before.txt"
  sleep $(( SECONDS_RUN / 2 ))
  top -b -n 2 -d 2 -w 200 | awk '/^top -/ {n++} n == 2' | head -17 >"$OUT/top.txt"
  # PROFILE=1: three jstack samples (platform threads; a mounted virtual thread shows on its carrier). Not
  # `jcmd Thread.dump_to_file`: on Temurin 25.0.3 it crashed core-service under this load (SIGSEGV in
  # Continuation::is_continuation_entry_frame while snapshotting virtual threads).
  if [ "${PROFILE:-0}" = 1 ] && [ -n "$core_pid" ]; then
    for i in 1 2 3; do
      jstack "$core_pid" >"$OUT/core-jstack-$i.txt" 2>&1 || true
      sleep 2
    done
  fi
  until grep -q "^RESULT" "$OUT/orderload.log" 2>/dev/null; do [ -f "$OUT/orderload.done" ] && exit 0; sleep 0.2; done
  dbstats >"$OUT/dbstats-after.txt"
) &
profiler=$!
java -Xmx1g -cp backend/benchmarks/target/benchmarks-jmh.jar com.vaticprop.benchmarks.orders.OrderLoad \
     "$CORE_URL" "$SECONDS_RUN" "$CONCURRENCY" "$TRADERS" "$WARMUP" 2>&1 | tee "$OUT/orderload.log" || true
touch "$OUT/orderload.done"
wait "$profiler" 2>/dev/null || true
echo "end $(date -u +%FT%TZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f "$OUT/top.txt" ] && { echo "top in the middle of the measured run:"; grep -v '^$' "$OUT/top.txt"; }
echo "$(curl -s "$CORE_URL/metrics" | grep -E "^vatic_outbox_(pending|lag_seconds|published_total)" | tr '\n' ' ')"

RESULT=$(grep "^RESULT" "$OUT/orderload.log" || true)
[ -n "$RESULT" ] || { echo "OrderLoad did not finish" >&2; exit 1; }
filled=$(core_stack_figure filled)
if [ -s "$OUT/dbstats-before.txt" ] && [ -s "$OUT/dbstats-after.txt" ] && [ "$filled" -gt 0 ]; then
  paste -d'|' "$OUT/dbstats-before.txt" "$OUT/dbstats-after.txt" | awk -F'|' -v n="$filled" '{
    printf "database vatic per filled order (measured run, all of core-service incl. the monitor and relay): %.1f commits, %.1f rows written, %.1f rows read, %.0f WAL bytes\n", ($5-$1)/n, ($6-$2)/n, ($7-$3)/n, ($8-$4)/n }'
fi
ops=$(core_stack_figure orders_per_s)
p99=$(core_stack_figure p99_ms)
core_stack_table_head
awk -v o="$ops" -v p="$p99" -v t="$TPS" 'BEGIN {
  printf "| orders/s sustained | %.0f | >= 1,000 (stretch 2,000) | %s |\n", o, o >= 2000 ? "met, stretch met" : (o >= 1000 ? "met" : "NOT met")
  printf "| p99 latency | %.1f ms | <= 50 ms | %s |\n", p, p <= 50 ? "met" : "NOT met"
  printf "| pgbench -N TPS (same server, same run) | %.0f | | |\n", t
  printf "| orders/s / pgbench TPS | %.3f | >= 0.25 | %s |\n", o / t, o / t >= 0.25 ? "met" : "NOT met"
}'
