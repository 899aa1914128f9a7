#!/usr/bin/env bash
# shellcheck disable=SC2317  # the stop and reload handlers run from traps
# Supervisor of a load-balancer container: HAProxy and Keepalived live and die together.
#
# WHY one container for both: the VIP sits on this container's eth0. If either process dies,
# this script stops the other and exits, so the container and its network namespace (and the
# VIP with it) go away. That rules out two hazards seen with separate containers:
#  - a Keepalived killed with SIGKILL left the VIP on HAProxy's interface: both sides held it;
#  - a Keepalived sharing HAProxy's namespace was stranded with only `lo` after HAProxy's
#    container restarted. Here a restart always brings both up in one fresh namespace.
# With host networking (several hosts) the namespace is the machine's and outlives the
# container: a Keepalived gone without its own shutdown (SIGKILL, OOM) would leave the VIP on
# the machine's interface while the peer takes it too. So this script removes any VIP it
# declares that is still there once Keepalived is gone, and before it starts Keepalived (what
# a killed container left behind).
#
# Files (rendered and uploaded by the deployment before start):
#   /usr/local/etc/haproxy/haproxy.cfg   HAProxy, run as user haproxy like the official image
#   /etc/keepalived/keepalived.conf      Keepalived, run as root (needs NET_ADMIN, NET_RAW)
set -uo pipefail

readonly HAPROXY_CFG=/usr/local/etc/haproxy/haproxy.cfg
readonly KEEPALIVED_CONF=/etc/keepalived/keepalived.conf
# Seconds HAProxy may spend finishing sessions on stop; the VIP has already moved by then.
readonly HAPROXY_STOP_GRACE=${HAPROXY_STOP_GRACE:-2}
# Seconds Keepalived may take to send its priority-0 advert and drop the VIP.
readonly KEEPALIVED_STOP_GRACE=${KEEPALIVED_STOP_GRACE:-3}

say() { echo "$(date +%T.%3N) [loadbalancer] $*" >&2; }

is_running() { kill -0 "$1" 2> /dev/null; }

# signal_and_wait PID NAME SIGNAL SECONDS: send SIGNAL, return 0 once PID is gone, 1 on timeout.
signal_and_wait() {
  local pid=$1 name=$2 signal=$3 tenths=$(( $4 * 10 ))
  is_running "$pid" || return 0
  say "sending $signal to $name ($pid)"
  kill -s "$signal" "$pid" 2> /dev/null
  while (( tenths-- > 0 )); do
    is_running "$pid" || return 0
    sleep 0.1
  done
  ! is_running "$pid"
}

stop_keepalived() {
  # SIGTERM makes Keepalived advertise priority 0, so the BACKUP takes the VIP at once.
  signal_and_wait "$keepalived_pid" keepalived TERM "$KEEPALIVED_STOP_GRACE" \
    || signal_and_wait "$keepalived_pid" keepalived KILL 1
  release_vips
}

stop_haproxy() {
  # SIGUSR1 is a soft stop; sessions still open after the grace are cut with SIGTERM.
  signal_and_wait "$haproxy_pid" haproxy USR1 "$HAPROXY_STOP_GRACE" \
    || kill_haproxy
}

kill_haproxy() {
  signal_and_wait "$haproxy_pid" haproxy TERM 1 \
    || signal_and_wait "$haproxy_pid" haproxy KILL 1
}

on_stop_signal() {
  say "stop requested: Keepalived first (hands the VIP over), then HAProxy"
  stop_keepalived
  stop_haproxy
  exit 0
}

on_reload_signal() {
  say "reload requested: HAProxy re-reads its config (SIGUSR2), Keepalived too (SIGHUP)"
  is_running "$haproxy_pid" && kill -s USR2 "$haproxy_pid"
  is_running "$keepalived_pid" && kill -s HUP "$keepalived_pid"
}

# The VIPs keepalived.conf declares, one "ADDRESS/PREFIX INTERFACE" per line.
declared_vips() {
  awk '/virtual_ipaddress[[:space:]]*[{]/ { inside = 1; next }
       inside && /[}]/ { inside = 0 }
       inside && $1 !~ /^#/ && $2 == "dev" { print $1, $3 }' "$KEEPALIVED_CONF"
}

# Removes every declared VIP an interface still carries (only ever called with no Keepalived
# running: a running one adds and removes its VIP itself).
release_vips() {
  local address iface
  while read -r address iface; do
    if ip -o -4 addr show dev "$iface" 2> /dev/null | grep -q "inet ${address%/*}/"; then
      say "removing the VIP $address left on $iface (no Keepalived holds it)"
      ip addr del "$address" dev "$iface" || say "could not remove $address from $iface"
    fi
  done < <(declared_vips)
}

require_file() { [[ -f "$1" ]] || { say "missing $1: upload it before starting the container"; exit 2; }; }

require_file "$HAPROXY_CFG"
require_file "$KEEPALIVED_CONF"
# Refuse a config Keepalived would only half apply: at run time it merely disables a track
# script it may not run (exit 5 here: no script_user / enable_script_security). Keepalived
# 2.2.7's config test ends itself with SIGTERM (143) on a valid config that has scripts.
# (In the background and waited for, so bash does not print "Terminated" for it.)
keepalived --config-test --use-file "$KEEPALIVED_CONF" &
wait $!
config_test=$?
if (( config_test != 0 && config_test != 143 )); then
  say "keepalived.conf rejected by keepalived --config-test (exit $config_test)"
  exit 2
fi

# A container restart keeps its file system: stale pid files would stop Keepalived starting.
rm -f /run/keepalived.pid /run/vrrp.pid /run/checkers.pid /run/bfd.pid /run/keepalived/*.pid

haproxy_pid="" keepalived_pid=""
trap on_stop_signal TERM INT USR1
trap on_reload_signal HUP

# Master-worker (-W) in the foreground (-db), as the official image runs it, as user haproxy.
setpriv --reuid=haproxy --regid=haproxy --init-groups \
  haproxy -W -db -f "$HAPROXY_CFG" &
haproxy_pid=$!
# Give HAProxy up to 5 s to listen before Keepalived starts: a first failed track check would
# put Keepalived in FAULT and cost a rise interval plus a master-down wait.
for (( tenth = 0; tenth < 50; tenth++ )); do
  /etc/keepalived/check_haproxy.sh && break
  is_running "$haproxy_pid" || break
  sleep 0.1
done
release_vips
keepalived --dont-fork --log-console --log-detail --use-file "$KEEPALIVED_CONF" &
keepalived_pid=$!
say "started haproxy ($haproxy_pid) and keepalived ($keepalived_pid)"

# A handled signal (HUP) also ends `wait`: keep waiting while both still run.
while is_running "$haproxy_pid" && is_running "$keepalived_pid"; do
  wait -n "$haproxy_pid" "$keepalived_pid"
done

if is_running "$haproxy_pid"; then
  # No grace: a dead Keepalived may have left the VIP on eth0; it goes first (host
  # networking), then the container with its namespace (bridge network).
  say "keepalived exited: removing any VIP it left, stopping haproxy so the container goes away"
  release_vips
  kill_haproxy
else
  say "haproxy exited: stopping keepalived so the container (and any VIP) goes away"
  stop_keepalived
fi
exit 1
