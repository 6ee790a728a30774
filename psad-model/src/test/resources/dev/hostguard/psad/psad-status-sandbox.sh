#!/bin/bash
# Runs the real psad daemon privately and prints `psad --Status`. Must run as root under
#   unshare --net --mount --propagation private bash psad-status-sandbox.sh WORKDIR
# WORKDIR holds psad.conf (ALERTING_METHODS noemail,nosyslog; IPT_SYSLOG_FILE inside WORKDIR) and
# scan.log (iptables log lines to feed). Nothing outside WORKDIR and this namespace is written:
# /run is a fresh tmpfs and /var/log/psad, /var/lib/psad are bind-mounted from WORKDIR.
set -euo pipefail
work="$1"
mount -t tmpfs tmpfs /run
mkdir -p /run/psad "$work/log" "$work/lib"
mount --bind "$work/log" /var/log/psad
mount --bind "$work/lib" /var/lib/psad
: > "$work/iptables.log"

psad -c "$work/psad.conf" >"$work/daemon.out" 2>&1
pidfile=/run/psad/psad.pid
for _ in $(seq 1 100); do [ -s "$pidfile" ] && break; sleep 0.1; done
pid=$(cat "$pidfile")
cleanup() { kill "$pid" 2>/dev/null || true; for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; kill -9 "$pid" 2>/dev/null || true; }
trap cleanup EXIT

sleep 1
cat "$work/scan.log" >> "$work/iptables.log"
# wait until psad has written the scan (top attackers file), at most ~20 s
for _ in $(seq 1 200); do
  if [ -s /var/log/psad/top_attackers ] && grep -q . /var/log/psad/top_attackers; then break; fi
  sleep 0.1
done
sleep 1
set +e
psad -c "$work/psad.conf" --Status >"$work/status.out" 2>"$work/status.err"
echo $? >"$work/status.rc"
psad -c "$work/psad.conf" --fw-analyze >"$work/fw.out" 2>"$work/fw.err"
echo $? >"$work/fw.rc"
