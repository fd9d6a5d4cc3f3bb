#!/usr/bin/env bash
# Monte Carlo engine benchmarks (issue 8), one command:
#   backend/benchmarks/run-montecarlo-benchmarks.sh
# 1. JMH (2 forks, 3 warm-up + 5 measurement iterations of 2 s) over MonteCarloEngine.run on BenchmarkModel, i.i.d. day
#    bootstrap, 60-day horizon, every rule on: 10,000 paths on one core (ms), paths/s on both cores and on one core;
# 2. the Java engine's pass probability on that model (2,000,000 paths);
# 3. the NumPy peer (backend/benchmarks/montecarlo/numpy_peer.py: same model, fully vectorised), 5 × 200,000 paths;
# 4. a summary: both paths/s figures, their ratio, and whether the two pass probabilities agree.
# Anything given goes to JMH (e.g. -f 1). SKIP_BUILD=1 reuses target/benchmarks-jmh.jar. Output in target/montecarlo/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

. "$root/bin/jdk.sh"   # a JDK >= 21, as for the build

python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import numpy' 2>/dev/null; then python="$candidate"; break; fi
done
if [[ -z "$python" ]]; then
  echo "run-montecarlo-benchmarks: no python3 with NumPy (PyPI is unreachable here: apt-get install -y python3-numpy," \
       "then /usr/bin/python3 is used)" >&2
  exit 1
fi

jar="$here/target/benchmarks-jmh.jar"
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  if [[ -x "$root/mvnw" ]]; then mvn=("$root/mvnw"); else mvn=(mvn); fi
  (cd "$root" && "${mvn[@]}" -B -q -pl backend/risk-simulation,backend/benchmarks -am package -DskipTests)
fi
out="$here/target/montecarlo"
mkdir -p "$out"
# run from a private copy: forks re-open the jar, and another build of this module may rewrite target/ meanwhile
run_jar="$(mktemp "${TMPDIR:-/tmp}/benchmarks-jmh-XXXXXX.jar")"
trap 'rm -f "$run_jar"' EXIT
cp "$jar" "$run_jar"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 1/3 JMH"
java -jar "$run_jar" 'com\.vaticprop\.benchmarks\.montecarlo\.MonteCarloBenchmark' -f 2 -wi 3 -w 2s -i 5 -r 2s \
  -rf json -rff "$out/jmh-montecarlo.json" "$@"
echo "== 2/3 Java engine on the peer model"
java -Xmx2g -cp "$run_jar" com.vaticprop.benchmarks.montecarlo.PeerCheck 2000000 1 | tee "$out/java-peer.json"
echo "== 3/3 NumPy peer ($("$python" -c 'import numpy; print("numpy", numpy.__version__)'), $python)"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$here/montecarlo/numpy_peer.py" 200000 5 1 \
  | tee "$out/numpy-peer.jsonl"

"$python" - "$out" <<'PY'
import json, math, sys
out = sys.argv[1]
jmh = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(f"{out}/jmh-montecarlo.json"))}
java = json.load(open(f"{out}/java-peer.json"))
numpy = [json.loads(l) for l in open(f"{out}/numpy-peer.jsonl")][-1]
both, one, ten = jmh["pathsPerSecondBothCores"], jmh["pathsPerSecondOneCore"], jmh["tenThousandPathsOneCore"]
print("\n== summary")
print(f"10,000 paths x 60 days, one core : {ten['score']:.2f} ± {ten['scoreError']:.2f} ms   (target <= 50 ms)")
print(f"paths/s, both cores             : {both['score']:,.0f} ± {both['scoreError']:,.0f}   (target >= 2,000,000)")
print(f"paths/s, one core               : {one['score']:,.0f} ± {one['scoreError']:,.0f}")
print(f"NumPy peer paths/s (1 core)     : median {numpy['pathsPerSecondMedian']:,} best {numpy['pathsPerSecondBest']:,}")
print(f"ratio both cores / NumPy median : {both['score'] / numpy['pathsPerSecondMedian']:.1f}x"
      f"  (vs NumPy best {both['score'] / numpy['pathsPerSecondBest']:.1f}x; target >= 5x)")
se = math.sqrt(java["p"] * (1 - java["p"]) / java["paths"] + numpy["p"] * (1 - numpy["p"]) / numpy["paths"])
z = (java["p"] - numpy["p"]) / se
print(f"pass probability Java  : {java['p']:.4f} [{java['lower']:.4f}, {java['upper']:.4f}] ({java['paths']:,} paths)")
print(f"pass probability NumPy : {numpy['p']:.4f} [{numpy['lower']:.4f}, {numpy['upper']:.4f}] ({numpy['paths']:,} paths)")
print(f"difference {java['p'] - numpy['p']:+.4f}, z = {z:+.2f} -> "
      + ("same within the 95% CI" if abs(z) <= 1.96 else "DIFFERENT beyond the 95% CI"))
print(f"failure split Java  : daily {java['dailyLoss'] / java['paths']:.4f} max {java['maxLoss'] / java['paths']:.4f} "
      f"time {java['timeLimit'] / java['paths']:.4f}")
print(f"failure split NumPy : daily {numpy['dailyLoss'] / numpy['paths']:.4f} max {numpy['maxLoss'] / numpy['paths']:.4f} "
      f"time {numpy['timeLimit'] / numpy['paths']:.4f}")
PY
