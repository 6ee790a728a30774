#!/bin/bash
# Runs inside `unshare --net --mount --propagation private` (started by UfwSandbox): a private
# network namespace, so ufw's iptables calls never reach the host's firewall, and a private mount
# namespace, so /etc/ufw, /etc/default/ufw, /run and /etc/alternatives are private copies.
# $1: work dir with etc-ufw/, default-ufw, cmds/N (NUL-separated ufw arguments), backend,
# and forwarding if IP forwarding is to be on. Leaves out/N.{stdout,stderr,rc} per command and
# out/iptables-S, out/ip6tables-S: the rules after the last command.
set -u
W=$1
mount -t tmpfs tmpfs /run || exit 90
mount --bind "$W/etc-ufw" /etc/ufw || exit 91
mount --bind "$W/default-ufw" /etc/default/ufw || exit 92
if [ "$(cat "$W/backend")" = legacy ] && [ -x /usr/sbin/iptables-legacy ]; then
  mkdir -p "$W/alternatives"
  cp -a /etc/alternatives/. "$W/alternatives/" || exit 93
  for t in iptables ip6tables; do
    ln -sfn "/usr/sbin/$t-legacy" "$W/alternatives/$t"
    ln -sfn "/usr/sbin/$t-legacy-restore" "$W/alternatives/$t-restore"
    ln -sfn "/usr/sbin/$t-legacy-save" "$W/alternatives/$t-save"
  done
  mount --bind "$W/alternatives" /etc/alternatives || exit 94
fi
if [ -e "$W/forwarding" ]; then
  # per network namespace: only this private namespace forwards
  sysctl -q -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 || exit 95
fi
mkdir -p "$W/out"
n=0
while [ -e "$W/cmds/$n" ]; do
  args=()
  while IFS= read -r -d '' a; do args+=("$a"); done < "$W/cmds/$n"
  ufw "${args[@]}" > "$W/out/$n.stdout" 2> "$W/out/$n.stderr" < /dev/null
  echo $? > "$W/out/$n.rc"
  n=$((n + 1))
done
# the filter table as the kernel holds it after the last command
iptables -S > "$W/out/iptables-S" 2> "$W/out/iptables-S.err" || true
ip6tables -S > "$W/out/ip6tables-S" 2> "$W/out/ip6tables-S.err" || true
exit 0
