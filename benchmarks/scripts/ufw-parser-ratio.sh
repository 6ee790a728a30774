#!/bin/sh
# Measures ufw's own Python parser (in-process, timeit) and hostguard's UfwRuleBenchmark on the
# same 10,000 rules, and prints the times a rule and the ratios. UfwRuleBenchmark renders the
# command, the tuple line and the iptables lines; the Python side is timed twice: parse_command,
# get_command and format_rule alone, and with the iptables lines ufw writes for that rule
# (UFWBackendIptables._get_rules_from_formatted of the installed module), the work we do less the
# tuple line.
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
import ufw.frontend, ufw.parser, ufw.backend_iptables
lines_of = ufw.backend_iptables.UFWBackendIptables._get_rules_from_formatted
rules = [json.loads(l) for l in open(sys.argv[1])]
def parse():
    for argv in rules:
        pr = ufw.frontend.parse_command(['ufw'] + list(argv))
        r = pr.data['rule']
        ufw.parser.UFWCommandRule.get_command(r)
        r.format_rule()
def parse_and_lines():
    for argv in rules:
        pr = ufw.frontend.parse_command(['ufw'] + list(argv))
        r = pr.data['rule']
        ufw.parser.UFWCommandRule.get_command(r)
        suffix = "forward" if r.forward else "output" if r.direction == "out" else "input"
        prefix = "ufw6" if r.v6 else "ufw"
        lines_of(None, "-A %s-user-%s %s\n" % (prefix, suffix, r.format_rule()), prefix, suffix)
def us(f):
    return min(timeit.repeat(f, number=1, repeat=3)) * 1e6 / len(rules)
print("%.3f %.3f" % (us(parse), us(parse_and_lines)))
PYEOF
)

java -Djmh.ignoreLock=true -jar "$JAR" UfwRuleBenchmark -p size=10000 -wi 3 -w 2 -i 5 -r 2 -f 1 -rf csv -rff "$TMP/jmh.csv" > "$TMP/jmh.log"
JAVA_US=$(awk -F, 'NR==2 {gsub(/"/,"",$5); printf "%.3f", $5/10000}' "$TMP/jmh.csv")
PY_PARSE_US=${PY_US% *}
PY_LINES_US=${PY_US#* }
echo "ufw (Python) parser:                  ${PY_PARSE_US} us/rule"
echo "ufw (Python) parser + iptables lines: ${PY_LINES_US} us/rule"
echo "hostguard (Java):                     ${JAVA_US} us/rule"
awk -v p="$PY_LINES_US" -v q="$PY_PARSE_US" -v j="$JAVA_US" \
  'BEGIN { printf "ratio: %.1fx faster (%.1fx against the parser alone)\n", p / j, q / j }'
