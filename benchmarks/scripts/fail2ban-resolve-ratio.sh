#!/bin/bash
# Full resolution of Debian's stock fail2ban configuration with every jail enabled:
# fail2ban's own Configurator in-process (Python) vs hostguard (JMH), printed in one run.
# Usage: benchmarks/scripts/fail2ban-resolve-ratio.sh   (after `mvn -B -q -DskipTests package`)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/benchmarks/target/benchmarks.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
conf="$work/conf"
cp -r /etc/fail2ban "$conf"
grep -o '^\[[^]]*\]' /etc/fail2ban/jail.conf | grep -v -e '^\[INCLUDES\]' -e '^\[DEFAULT\]' \
  | sed 's/$/\nenabled = true/' > "$conf/jail.local"

py_ms=$(/usr/bin/python3 - "$conf" <<'PY'
import logging, sys, time
logging.getLogger("fail2ban").setLevel(logging.CRITICAL)
from fail2ban.client.configurator import Configurator
def once():
    c = Configurator()
    c.setBaseDir(sys.argv[1])
    c.readAll()
    c.getOptions(None, {})
    c.convertToProtocol(allow_no_files=True)
    return c.getConfigStream()
n = len(once())
assert n > 1000, n
for _ in range(20):
    once()
runs = 100
t = time.perf_counter()
for _ in range(runs):
    once()
print("%.3f" % ((time.perf_counter() - t) * 1000 / runs))
PY
)
java -jar "$jar" Fail2banResolveBenchmark -p confDir="$conf" -rf csv -rff "$work/jmh.csv" > "$work/jmh.out"
java_ms=$(awk -F, 'NR==2 {gsub(/"/,"",$5); print $5}' "$work/jmh.csv")
# cold: the first resolution in a fresh JVM, timed in-process (JVM start excluded), median of 5
cold_ms=$(for _ in 1 2 3 4 5; do
  java -cp "$jar" dev.hostguard.benchmarks.Fail2banColdStart "$conf"
done | sort -n | sed -n 3p)
echo "fail2ban 1.0.2 in-process (Configurator readAll+getOptions+convertToProtocol): ${py_ms} ms"
echo "hostguard Fail2banDump.load (JMH average):                                  ${java_ms} ms"
echo "hostguard Fail2banDump.load, cold (first call in a fresh JVM, median of 5): ${cold_ms} ms"
awk -v p="$py_ms" -v j="$java_ms" 'BEGIN { printf "warm speed-up: %.1fx (goal: >= 30x)\n", p / j }'
awk -v p="$py_ms" -v j="$cold_ms" 'BEGIN { printf "cold speed-up: %.1fx (goal: >= 3x)\n", p / j }'
