#!/bin/bash
# Keepalived track script (vrrp_script): does this host's HAProxy accept AMQP connections?
# A TCP connect to 127.0.0.1:PORT within 2 s (keepalived.conf gives the script 3); exit 0 yes,
# 1 no. It checks the listener, not a process name, so it also catches an HAProxy that is up
# but not serving.
#   usage: check_haproxy.sh [PORT]   (default 5672; 5671 when TLS closed the plain listener)
port=${1:-5672}
if timeout 2 bash -c 'exec 3<> "/dev/tcp/127.0.0.1/$1"' _ "$port" 2> /dev/null; then
  exit 0
fi
exit 1
