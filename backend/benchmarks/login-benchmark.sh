#!/usr/bin/env bash
# Login throughput and p99 of core-service (issue 4) next to the raw Argon2id verification cost, same run, same JVM
# flags. Starts the devstack (./run-local's jar) unless CORE_URL points at a running core-service.
#   usage: backend/benchmarks/login-benchmark.sh [seconds=30] [concurrency=8]     (SKIP_BUILD=1 reuses the jars)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
SECONDS_RUN=${1:-30}
CONCURRENCY=${2:-8}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -Dmaven.test.skip=true install -pl backend/devstack,backend/benchmarks -am >/dev/null
fi
stack=""
if [ -z "${CORE_URL:-}" ]; then
  CORE_URL=http://127.0.0.1:3000
  java -Dvatic.root="$PWD" -jar backend/devstack/target/devstack-exec.jar >/tmp/login-bench-devstack.log 2>&1 &
  stack=$!
  trap '[ -n "$stack" ] && kill $stack && wait $stack 2>/dev/null || true' EXIT
  until grep -q "platform ready in\|platform NOT ready" /tmp/login-bench-devstack.log; do sleep 0.5; done
fi
java -Xmx1g -cp backend/benchmarks/target/benchmarks-jmh.jar com.vaticprop.benchmarks.login.LoginLoad \
     "$CORE_URL" "$SECONDS_RUN" "$CONCURRENCY"
