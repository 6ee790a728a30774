"""ufw's own time a rule on the corpus of UfwRuleBenchmark (JSON lines, argv per line), in-process.

Prints two figures in us/rule: parse_command, get_command and format_rule (the parser alone), and
the same plus the iptables lines ufw writes to user.rules for that rule
(UFWBackendIptables._get_rules_from_formatted of the installed module, called as _write_rules
calls it; it reads nothing from self): the work UfwRuleBenchmark does, less the tuple line.
Used by scripts/bench and benchmarks/scripts/ufw-parser-ratio.sh.

    /usr/bin/python3 benchmarks/scripts/ufw-rule-anchor.py rules.jsonl
"""
import gettext
import json
import sys
import timeit

gettext.install('ufw')
import ufw.backend_iptables  # noqa: E402
import ufw.frontend  # noqa: E402
import ufw.parser  # noqa: E402

lines_of = ufw.backend_iptables.UFWBackendIptables._get_rules_from_formatted
rules = [json.loads(line) for line in open(sys.argv[1])]


def parse():
    for argv in rules:
        r = ufw.frontend.parse_command(['ufw'] + list(argv)).data['rule']
        ufw.parser.UFWCommandRule.get_command(r)
        r.format_rule()


def parse_and_lines():
    for argv in rules:
        r = ufw.frontend.parse_command(['ufw'] + list(argv)).data['rule']
        ufw.parser.UFWCommandRule.get_command(r)
        suffix = "forward" if r.forward else "output" if r.direction == "out" else "input"
        prefix = "ufw6" if r.v6 else "ufw"
        lines_of(None, "-A %s-user-%s %s\n" % (prefix, suffix, r.format_rule()), prefix, suffix)


def us(f):
    return min(timeit.repeat(f, number=1, repeat=3)) * 1e6 / len(rules)


print("%.3f %.3f" % (us(parse), us(parse_and_lines)))
