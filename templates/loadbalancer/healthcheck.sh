#!/bin/bash
# Docker healthcheck of a load-balancer container: HAProxy serves on 5672 and Keepalived runs.
# (The supervisor already ends the container when either process exits; this also catches an
# HAProxy that runs but does not accept connections.)
/etc/keepalived/check_haproxy.sh && pgrep -x keepalived > /dev/null
