#!/bin/bash
# Runs inside `unshare --net --mount --propagation private`: a private network namespace and a
# private mount namespace with fresh stock copies of /etc/ufw and /etc/default/ufw and the legacy
# iptables backend. Never touches the host firewall: it refuses to run in the host's namespaces.
# $1: a file with one command a line, words separated by tabs; the first word is ufw, sysctl or cat.
# Output: for each command "=== N rc CODE", "=== N out BASE64", "=== N err BASE64".
set -euo pipefail
if [ "$(readlink /proc/self/ns/net)" = "$(readlink /proc/1/ns/net)" ] \
   || [ "$(readlink /proc/self/ns/mnt)" = "$(readlink /proc/1/ns/mnt)" ]; then
  echo "refusing to run outside a private network and mount namespace" >&2
  exit 97
fi
mount -t tmpfs tmpfs /run
work=$(mktemp -d /tmp/hostguard-ufw-sandbox.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ufw" "$work/alt"
cp -a /etc/ufw/applications.d "$work/ufw/"
for f in before.init after.init; do
  [ -e "/etc/ufw/$f" ] && cp -a "/etc/ufw/$f" "$work/ufw/"
done
: > "$work/ufw/sysctl.conf" # never change kernel settings from a test
cp /usr/share/ufw/iptables/*.rules "$work/ufw/"
cp /usr/share/ufw/ufw.conf "$work/ufw/ufw.conf"
cp /etc/default/ufw "$work/default-ufw"
mount --bind "$work/ufw" /etc/ufw
mount --bind "$work/default-ufw" /etc/default/ufw
cp -a /etc/alternatives/. "$work/alt/"
for t in iptables iptables-restore iptables-save ip6tables ip6tables-restore ip6tables-save; do
  legacy="/usr/sbin/${t/tables/tables-legacy}"
  [ -x "$legacy" ] && ln -sfn "$legacy" "$work/alt/$t"
done
mount --bind "$work/alt" /etc/alternatives
ip link set lo up 2>/dev/null || true
n=0
while IFS= read -r line || [ -n "$line" ]; do
  n=$((n + 1))
  IFS=$'\t' read -r -a argv <<< "$line"
  case "${argv[0]}" in
    ufw) prog=/usr/sbin/ufw ;;
    sysctl) prog=/usr/sbin/sysctl ;;
    cat) prog=/bin/cat ;;
    *) echo "unknown command ${argv[0]}" >&2; exit 98 ;;
  esac
  set +e
  LC_ALL=C.UTF-8 "$prog" "${argv[@]:1}" > "$work/out" 2> "$work/err" < /dev/null
  rc=$?
  set -e
  echo "=== $n rc $rc"
  echo "=== $n out $(base64 -w0 < "$work/out")"
  echo "=== $n err $(base64 -w0 < "$work/err")"
done < "$1"
