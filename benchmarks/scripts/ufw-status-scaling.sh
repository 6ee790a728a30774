#!/usr/bin/env bash
# Runs UfwStatusBenchmark (parse a `ufw status numbered` of 10k and 100k rules) and prints
# time(100k)/time(10k); linear scaling means a ratio of at most 11.
# Usage (from the project root): benchmarks/scripts/ufw-status-scaling.sh [extra JMH args]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=benchmarks/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  mvn -B -q -pl benchmarks -am -DskipTests package
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
java -jar "$jar" UfwStatusBenchmark -rf json -rff "$out" "$@" >&2
/usr/bin/python3 - "$out" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
t = {r["params"]["rules"]: r["primaryMetric"]["score"] for r in runs}
if "10000" not in t or "100000" not in t:
    sys.exit("missing results")
ratio = t["100000"] / t["10000"]
print("time(10k)=%.3f ms time(100k)=%.3f ms ratio=%.2f (limit 11)" % (t["10000"], t["100000"], ratio))
sys.exit(0 if ratio <= 11 else 1)
PY
