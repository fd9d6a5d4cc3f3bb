#!/usr/bin/env bash
# Devstack start-up benchmark (issue 2): time until all five services answer 200 on /health, /ready and /metrics,
# and the resident memory of the stack, next to an empty Spring Boot web app (webmvc + actuator) started and measured
# the same way on the same machine in the same run.
#   usage: backend/benchmarks/devstack-startup.sh [runs=3]      (SKIP_BUILD=1 reuses the built jars)
set -euo pipefail
cd "$(dirname "$0")/../.."
. bin/jdk.sh
RUNS=${1:-3}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -Dmaven.test.skip=true install -pl backend/devstack,backend/benchmarks/empty-app -am >/dev/null
fi

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
now_ms() { date +%s%3N; }

echo "| run | empty app: ms to 200 | empty app: RSS MiB | devstack: ms to all ready | devstack: services RSS MiB (sum of 5) | devstack: infra JVM RSS MiB |"
echo "|---|---|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  start=$(now_ms)
  java -Xms64m -Xmx512m -XX:TieredStopAtLevel=1 -jar backend/benchmarks/empty-app/target/benchmarks-empty-app.jar \
       --server.port=3999 --management.endpoints.web.exposure.include=health >/tmp/empty-app.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null http://127.0.0.1:3999/actuator/health; do sleep 0.1; done
  empty_ms=$(( $(now_ms) - start ))
  sleep 2
  empty_rss=$(( $(rss_kb $pid) / 1024 ))
  kill $pid; wait $pid 2>/dev/null || true

  start=$(now_ms)
  java -Dvatic.root="$PWD" -jar backend/devstack/target/devstack-exec.jar >/tmp/devstack-bench.log 2>&1 &
  dpid=$!
  until grep -q "platform ready in\|platform NOT ready" /tmp/devstack-bench.log; do sleep 0.2; done
  stack_ms=$(( $(now_ms) - start ))
  sleep 2
  services_rss=0
  for p in $(pgrep -f -- "-exec.jar" | grep -v "^$dpid$"); do
    if grep -q "service-exec.jar" "/proc/$p/cmdline" 2>/dev/null; then services_rss=$(( services_rss + $(rss_kb "$p") )); fi
  done
  infra_rss=$(( $(rss_kb $dpid) / 1024 ))
  kill -TERM $dpid; wait $dpid 2>/dev/null || true
  echo "| $run | $empty_ms | $empty_rss | $stack_ms | $(( services_rss / 1024 )) | $infra_rss |"
done
