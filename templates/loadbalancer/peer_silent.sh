#!/bin/bash
# Keepalived track script (vrrp_script peer_silent): is every peer load balancer silent?
# Exit 0 when no peer's HAProxy answers an HTTP request on PORT within 1 s, else 1.
#   usage: peer_silent.sh PORT PEER_IP...
# An answer needs the peer's processes to run: the peer's kernel alone would accept the TCP
# connection of a frozen (`docker pause`d) peer, so a connect is not enough. Any HTTP status
# counts (the stats page answers 401 without its password): this asks "alive", not "healthy".
port=$1
shift
for peer in "$@"; do
  if timeout 1 bash -c '
      exec 3<> "/dev/tcp/$1/$2" || exit 1
      printf "GET / HTTP/1.0\r\n\r\n" >&3
      IFS= read -r -t 1 status <&3 && [[ $status == HTTP/* ]]' _ "$peer" "$port" 2> /dev/null; then
    exit 1
  fi
done
exit 0
