#!/bin/sh
# Measures ufw's own Python parser (in-process, timeit) and hostguard's UfwRuleBenchmark on the
# same 10,000 rules, and prints both times a rule and the ratio.
# Usage (from the project root, after `mvn -B -q -DskipTests package`):
#   benchmarks/scripts/ufw-parser-ratio.sh
set -eu
JAR=${JAR:-benchmarks/target/benchmarks.jar}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
java -cp "$JAR" dev.hostguard.benchmarks.UfwRuleCorpus > "$TMP/rules.jsonl"

PY_US=$(/usr/bin/python3 - "$TMP/rules.jsonl" <<'PYEOF'
import gettext, json, sys, timeit
gettext.install('ufw')
import ufw.frontend, ufw.parser
rules = [json.loads(l) for l in open(sys.argv[1])]
def run():
    for argv in rules:
        pr = ufw.frontend.parse_command(['ufw'] + list(argv))
        r = pr.data['rule']
        ufw.parser.UFWCommandRule.get_command(r)
        r.format_rule()
n = 3
best = min(timeit.repeat(run, number=1, repeat=n))
print("%.3f" % (best * 1e6 / len(rules)))
PYEOF
)

java -Djmh.ignoreLock=true -jar "$JAR" UfwRuleBenchmark -p size=10000 -wi 3 -w 2 -i 5 -r 2 -f 1 -rf csv -rff "$TMP/jmh.csv" > "$TMP/jmh.log"
JAVA_US=$(awk -F, 'NR==2 {gsub(/"/,"",$5); printf "%.3f", $5/10000}' "$TMP/jmh.csv")
echo "ufw (Python) parser: ${PY_US} us/rule"
echo "hostguard (Java):    ${JAVA_US} us/rule"
awk -v p="$PY_US" -v j="$JAVA_US" 'BEGIN { printf "ratio: %.1fx faster\n", p / j }'
