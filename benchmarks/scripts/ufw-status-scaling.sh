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
java -jar "$jar" UfwStatusBenchmark -rf csv -rff "$out" "$@" >&2
awk -F, 'NR > 1 { gsub(/"/, ""); t[$NF] = $5 } END {
  if (!("10000" in t) || !("100000" in t)) { print "missing results" > "/dev/stderr"; exit 1 }
  r = t["100000"] / t["10000"];
  printf "time(10k)=%.3f ms time(100k)=%.3f ms ratio=%.2f (limit 11)\n", t["10000"], t["100000"], r;
  exit (r <= 11 ? 0 : 1)
}' "$out"
