#!/bin/sh
# Measures ufw's own Python parser (in-process, timeit) and hostguard's UfwRuleBenchmark on the
# same 10,000 rules, and prints the times a rule and the ratios. UfwRuleBenchmark renders the
# command, the tuple line and the iptables lines; ufw-rule-anchor.py times ufw's parser alone and
# with the iptables lines ufw writes for the rule, the work we do less the tuple line.
# Usage (from the project root, after `mvn -B -q -DskipTests package`):
#   benchmarks/scripts/ufw-parser-ratio.sh
set -eu
JAR=${JAR:-benchmarks/target/benchmarks.jar}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
java -cp "$JAR" dev.hostguard.benchmarks.UfwRuleCorpus > "$TMP/rules.jsonl"

PY_US=$(/usr/bin/python3 "$(dirname "$0")/ufw-rule-anchor.py" "$TMP/rules.jsonl")

java -Djmh.ignoreLock=true -jar "$JAR" UfwRuleBenchmark -p size=10000 -wi 3 -w 2 -i 5 -r 2 -f 1 -rf csv -rff "$TMP/jmh.csv" > "$TMP/jmh.log"
JAVA_US=$(awk -F, 'NR==2 {gsub(/"/,"",$5); printf "%.3f", $5/10000}' "$TMP/jmh.csv")
PY_PARSE_US=${PY_US% *}
PY_LINES_US=${PY_US#* }
echo "ufw (Python) parser:                  ${PY_PARSE_US} us/rule"
echo "ufw (Python) parser + iptables lines: ${PY_LINES_US} us/rule"
echo "hostguard (Java):                     ${JAVA_US} us/rule"
awk -v p="$PY_LINES_US" -v q="$PY_PARSE_US" -v j="$JAVA_US" \
  'BEGIN { printf "ratio: %.1fx faster (%.1fx against the parser alone)\n", p / j, q / j }'
