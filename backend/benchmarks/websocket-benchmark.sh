#!/usr/bin/env bash
# WebSocket load run (issue 7, "Performance"): websocket-service (its own JVM) on an embedded KRaft broker, a real
# redis-server and a local JWKS; N traders, each with one ticket-authenticated connection subscribed to its own
# assessment channel and one conflated market channel, held for the measured window while seq events and ticks are
# published to Kafka; then, in the same run and server, the bare broadcast baseline (/bench/broadcast) to N connections
# at the same per-connection rate. Targets: >= 50,000 msg/s delivered, p99 Kafka -> client <= 100 ms,
# <= 20 KB heap per idle connection.
#   usage: backend/benchmarks/websocket-benchmark.sh [connections=10000] [seconds=60] [baselineSeconds=30]
#          [seqPerAssessmentPerSecond=3] [ticksPerInstrumentPerSecond=2.5] [warmupSeconds=10]
#   SKIP_BUILD=1 reuses the last build; SERVER_JAVA_OPTS (default -Xms2g -Xmx2g -XX:+UseG1GC) for the server JVM,
#   HARNESS_JAVA_OPTS for the load JVM (broker, producer, clients).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge 12000 ] || { echo "need >= 12000 file descriptors, the hard limit is $(ulimit -Hn)" >&2; exit 1; }
OUT=backend/benchmarks/target/websocket-benchmark
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # one reactor (no install): the service's executable jar, the harness's test classes and their classpath
  ./mvnw -B -q -pl backend/websocket-service,backend/benchmarks -am package dependency:build-classpath \
    -DskipTests -Dmdep.includeScope=test -Dmdep.outputFile=target/websocket-harness.classpath >"$OUT/build.log" 2>&1 \
    || { grep -v "^WARNING" "$OUT/build.log" | tail -30 >&2; echo "build failed ($OUT/build.log)" >&2; exit 1; }
fi
cp_file=backend/benchmarks/target/websocket-harness.classpath
echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(java -version 2>&1 | head -1); ulimit -n $(ulimit -n)"
echo "start $(date -u +%FT%TZ); uptime: $(uptime)"
java ${HARNESS_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC} \
  -cp "backend/benchmarks/target/test-classes:backend/benchmarks/target/classes:$(cat "$cp_file")" \
  com.vaticprop.benchmarks.websocket.WebSocketLoadHarness backend/websocket-service/target/websocket-service-exec.jar \
  "${1:-10000}" "${2:-60}" "${3:-30}" "${4:-3}" "${5:-2.5}" "${6:-10}" 2> >(grep -v -E "^(WARNING|SLF4J)" >&2) \
  | tee "$OUT/result.txt"
echo "end $(date -u +%FT%TZ); uptime: $(uptime)"
