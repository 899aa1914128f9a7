#!/usr/bin/env bash
# Smoke test of the load-balancer image. Usage: verify-loadbalancer.sh IMAGE
# One container alone on a lab network, configs placed as the deployment places them:
# HAProxy runs as user haproxy, Keepalived as root, the track script passes, the VIP comes
# up on eth0, Docker's healthcheck turns healthy, and `docker stop` ends it cleanly.
# (try-failover.sh runs the two-container fault scenarios.)
set -euo pipefail

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly IMAGES_DIR
# shellcheck source=lib.sh
source "$IMAGES_DIR/lib.sh"
# shellcheck source=lb-lab.sh
source "$IMAGES_DIR/lb-lab.sh"

readonly IMAGE=$1
readonly LB="$LAB-lb1"
trap lab_down EXIT

fail() { log "$IMAGE: FAILED: $*"; docker logs --tail 30 "$LB" 2>&1 || true; exit 1; }

lab_up
# The peer address is unused: alone, this instance must become MASTER and hold the VIP.
start_lb "$IMAGE" lb1 "$LAB_PREFIX.11" MASTER 150 "$LAB_PREFIX.12"

wait_until 20 holds_vip "$LB" || fail "the VIP never came up on eth0"
log "$IMAGE: VIP $VIP on eth0"
docker exec "$LB" /etc/keepalived/check_haproxy.sh || fail "track script fails"
[[ "$(docker exec "$LB" ps -o user= -C haproxy | sort -u | xargs)" == haproxy ]] \
  || fail "haproxy does not run as user haproxy"
[[ "$(docker exec "$LB" ps -o user= -C keepalived | sort -u | xargs)" == root ]] \
  || fail "keepalived does not run as root"
log "$IMAGE: haproxy runs as haproxy, keepalived as root, track script passes"
is_healthy() { [[ "$(docker inspect -f '{{.State.Health.Status}}' "$LB")" == healthy ]]; }
wait_until 30 is_healthy || fail "healthcheck never turned healthy"
log "$IMAGE: Docker healthcheck healthy"

started=$(now_ms)
docker stop "$LB" > /dev/null
stop_seconds=$(elapsed_since "$started")
[[ "$(docker inspect -f '{{.State.ExitCode}}' "$LB")" == 0 ]] || fail "docker stop did not exit 0"
contains "$(docker logs "$LB" 2>&1)" 'stop requested: Keepalived first' || fail "no orderly stop"
log "$IMAGE: docker stop took $stop_seconds s, exit code 0, Keepalived stopped first"
