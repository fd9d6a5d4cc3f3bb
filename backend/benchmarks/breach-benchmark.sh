#!/usr/bin/env bash
# Quote on Kafka -> rules.violation-detected on Kafka with many open assessments (issue 6, "Performance": p99 <= 50 ms
# with 10,000 open assessments). Starts its own durable PostgreSQL and the devstack with no market-data source (the
# harness is the only BTC-USD price), opens the assessments over HTTP, then lowers the bid step by step so that one
# daily-loss floor after another is touched; prints the latency of each breach and, as the same run's baseline, one
# Kafka hop (the same quotes read back by a plain consumer). See BreachLatency's Javadoc.
#   usage: backend/benchmarks/breach-benchmark.sh [assessments=10000] [breaching=400] [stepMs=100]
#   SKIP_BUILD=1, CORE_URL, PG, PG_BIN as for order-benchmark.sh (lib/core-stack.sh); KAFKA_BROKERS (default the
#   devstack's 127.0.0.1:19092)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
ASSESSMENTS=${1:-10000}
BREACHING=${2:-400}
STEP_MS=${3:-100}
PER_TRADER=100
OUT=backend/benchmarks/target/breach-benchmark
mkdir -p "$OUT"
. backend/benchmarks/lib/core-stack.sh
core_stack_build
core_stack_banner
# the harness is the only price source; a trader holds PER_TRADER assessments at once
export MARKET_DATA_SOURCES=none VATIC_ASSESSMENTS_MAXACTIVEPERUSER=$PER_TRADER
core_stack_start
echo "PostgreSQL $PGHOST:$PGPORT, database vatic (core-service): $(core_stack_show_pg vatic)"
java -Xmx2g -cp backend/benchmarks/target/benchmarks-jmh.jar com.vaticprop.benchmarks.orders.BreachLatency \
     "$CORE_URL" "${KAFKA_BROKERS:-127.0.0.1:19092}" "$ASSESSMENTS" "$BREACHING" "$PER_TRADER" "$STEP_MS" \
     2>&1 | tee "$OUT/breach.log"
echo "end $(date -u +%FT%TZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
RESULT=$(grep "^RESULT" "$OUT/breach.log" || true)
[ -n "$RESULT" ] || { echo "BreachLatency did not finish" >&2; exit 1; }
p99=$(core_stack_figure p99_ms)
hop=$(core_stack_figure hop_p99_ms)
core_stack_table_head
awk -v p="$p99" -v h="$hop" -v n="$ASSESSMENTS" 'BEGIN {
  printf "| quote -> violation p99, %d open assessments | %.1f ms | <= 50 ms | %s |\n", n, p, p <= 50 ? "met" : "NOT met"
  r = 0; if (h > 0) r = p / h
  printf "| one Kafka hop p99 (baseline, same run) | %.1f ms | | ratio %.1f |\n", h, r
}'
