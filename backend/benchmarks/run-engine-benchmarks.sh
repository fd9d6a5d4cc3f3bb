#!/usr/bin/env bash
# Trading-engine JMH benchmarks (issue 3). One command per benchmark:
#   backend/benchmarks/run-engine-benchmarks.sh order   # order → fill → position → post-trade rules (ops/s)
#   backend/benchmarks/run-engine-benchmarks.sh quote   # one BTC-USD quote over 100,000 accounts (ms/quote)
#   backend/benchmarks/run-engine-benchmarks.sh all
# Anything after the first argument goes to JMH (e.g. -f 3, -i 10). SKIP_BUILD=1 reuses target/benchmarks-jmh.jar.
# Each run: 2 forks, 3 warm-up iterations of 2 s (order: 5 of 3 s) + 5 measurement iterations of 2 s, -prof gc
# (allocation per op); JSON in target/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

. "$root/bin/jdk.sh"   # a JDK >= 21, as for the build

which="${1:-all}"
shift || true
# the BigDecimal baselines of "order" need more warm-up than 3 x 2 s on a busy 2-core machine (C2 competes for
# the cores): their throughput was still rising through the measurement iterations
warmup=(-wi 3 -w 2s)
case "$which" in
  order) regex='com\.vaticprop\.benchmarks\.engine\.OrderPathBenchmark'; warmup=(-wi 5 -w 3s) ;;
  quote) regex='com\.vaticprop\.benchmarks\.engine\.QuoteFanOutBenchmark' ;;
  all)   regex='com\.vaticprop\.benchmarks\.engine\.' ;;
  *)     regex="$which" ;;
esac

jar="$here/target/benchmarks-jmh.jar"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  if [[ -x "$root/mvnw" ]]; then mvn=("$root/mvnw"); else mvn=(mvn); fi
  (cd "$root" && "${mvn[@]}" -B -q -pl backend/trading-engine,backend/benchmarks -am package -DskipTests)
fi

# run from a private copy: forks re-open the jar, and another build of this module may rewrite target/ meanwhile
run_jar="$(mktemp "${TMPDIR:-/tmp}/benchmarks-jmh-XXXXXX.jar")"
trap 'rm -f "$run_jar"' EXIT
cp "$jar" "$run_jar"
java -jar "$run_jar" "$regex" -f 2 "${warmup[@]}" -i 5 -r 2s -prof gc \
  -rf json -rff "$here/target/jmh-$(echo "$which" | tr -c 'a-zA-Z0-9\n' '_').json" "$@"
