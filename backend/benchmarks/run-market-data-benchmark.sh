#!/usr/bin/env bash
# Market-data harness (issue 5): tick in → record acknowledged by Kafka, target >= 100,000 ticks/s sustained with
# p99 <= 20 ms, next to a raw KafkaProducer baseline (pre-serialized envelopes, same producer settings) in the same
# run, on an embedded KRaft broker and Redis.
#   usage: backend/benchmarks/run-market-data-benchmark.sh [rounds=2] [rate=100000] [seconds=20]
#   SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -pl backend/benchmarks -am install -DskipTests >/dev/null
fi
cp_file=backend/benchmarks/target/market-data-harness.classpath
./mvnw -B -q -pl backend/benchmarks dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$cp_file" >/dev/null
java ${HARNESS_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseZGC} \
  -cp "backend/benchmarks/target/test-classes:backend/benchmarks/target/classes:$(cat "$cp_file")" \
  com.vaticprop.benchmarks.marketdata.TickToKafkaHarness "$@" 2> >(grep -v -E "^(WARNING|SLF4J)" >&2)
