#!/usr/bin/env bash
# Report generation timings (issue 9): PDF and HTML of a 10,000-round-trip / 60-day assessment, warm, against the
# baseline of its charts alone rendered by JFreeChart, all in one run. Embedded PostgreSQL and Kafka, no devstack.
# Usage: backend/benchmarks/report-benchmark.sh   (REPORT_BENCH_RUNS / REPORT_BENCH_WARMUP to change the counts)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
./mvnw -B -q -o -pl backend/trading-engine,backend/platform,backend/testkit,backend/report-service test \
  -Dtest=ReportRenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dreport.benchmark.runs="${REPORT_BENCH_RUNS:-30}" -Dreport.benchmark.warmup="${REPORT_BENCH_WARMUP:-10}"
cat backend/report-service/target/report-benchmark.txt
