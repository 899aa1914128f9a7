#!/usr/bin/env bash
# Two load balancers on a lab network: measures VIP failover and checks that a dead process
# takes its whole container down, so the VIP never sits on both sides.
# Usage: try-failover.sh [IMAGE]   (default rabbitmq-ha-test/loadbalancer:dev; run by hand)
#
# Scenarios, each starting from lb1 = MASTER holding the VIP, lb2 = BACKUP:
#   stop      `docker stop lb1`                       (Keepalived sends priority 0)
#   kill-ka   SIGKILL to every keepalived in lb1      (no goodbye: BACKUP waits master-down)
#   kill-hap  SIGKILL to every haproxy in lb1         (supervisor stops Keepalived gracefully)
# Failover time: from the fault until a NEW connection through the VIP is served by lb2,
# probed every 20 ms. Then, for 5 s, the VIP must be on exactly one container.
set -euo pipefail

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly IMAGES_DIR
# shellcheck source=lib.sh
source "$IMAGES_DIR/lib.sh"
# shellcheck source=lb-lab.sh
source "$IMAGES_DIR/lb-lab.sh"

readonly IMAGE=${1:-rabbitmq-ha-test/loadbalancer:dev}
readonly LB1="$LAB-lb1"
trap lab_down EXIT

fail() { log "FAILED: $*"; docker logs --tail 20 "$LB1" 2>&1 || true; exit 1; }

lb1_alone() { [[ "$(vip_holders)" == lb1 ]]; }
lb1_serves() { [[ "$(served_by)" == lb1 ]]; }
lb1_stopped() { ! is_running_container "$LB1"; }

# Wait until lb1 holds the VIP alone and serves through it (initially and after a restart).
settle_on_lb1() {
  wait_until 30 lb1_alone || fail "lb1 never held the VIP alone (holders: $(vip_holders))"
  wait_until 10 lb1_serves || fail "the VIP does not serve from lb1"
}

# measure_failover SCENARIO COMMAND...: run the fault, time until lb2 serves, check the VIP.
measure_failover() {
  local scenario=$1 started served_ms="" holders bad=0 i; shift
  started=$(now_ms)
  "$@" > /dev/null 2>&1 &
  for (( i = 0; i < 1000; i++ )); do          # at most ~20 s
    if [[ "$(served_by)" == lb2 ]]; then served_ms=$(( $(now_ms) - started )); break; fi
    sleep 0.02
  done
  wait
  [[ -n "$served_ms" ]] || fail "$scenario: lb2 never served through the VIP"
  wait_until 15 lb1_stopped || fail "$scenario: lb1's container is still running"
  # When the container really ended, from Docker's record rather than from our polling.
  local finished down_ms
  finished=$(docker inspect -f '{{.State.FinishedAt}}' "$LB1")
  down_ms=$(( $(date -d "$finished" +%s%3N) - started ))
  for (( i = 0; i < 25; i++ )); do            # 5 s of samples
    holders=$(vip_holders)
    [[ "$holders" == lb2 ]] || bad=$(( bad + 1 ))
    sleep 0.2
  done
  (( bad == 0 )) || fail "$scenario: VIP not on lb2 alone in $bad of 25 samples (last: '$holders')"
  log "RESULT $scenario: failover $(( served_ms / 1000 )).$(printf '%03d' $(( served_ms % 1000 ))) s," \
    "lb1 container down after $(( down_ms / 1000 )).$(printf '%03d' $(( down_ms % 1000 ))) s," \
    "VIP on lb2 only in 25/25 samples; lb1 exit code $(docker inspect -f '{{.State.ExitCode}}' "$LB1")"
}

restart_lb1() {
  local started; started=$(now_ms)
  docker start "$LB1" > /dev/null
  settle_on_lb1
  log "lb1 restarted (fresh namespace) and serves the VIP again after $(elapsed_since "$started") s"
}

lab_up
start_lb "$IMAGE" lb1 "$LAB_PREFIX.11" MASTER 150 "$LAB_PREFIX.12"
start_lb "$IMAGE" lb2 "$LAB_PREFIX.12" BACKUP 100 "$LAB_PREFIX.11"
settle_on_lb1
log "lab up: lb1 MASTER holds $VIP, lb2 BACKUP"

measure_failover stop docker stop "$LB1"
restart_lb1
measure_failover kill-ka docker exec "$LB1" pkill -KILL -x keepalived
restart_lb1
measure_failover kill-hap docker exec "$LB1" pkill -KILL -x haproxy
restart_lb1
log "lb1 log after the last restart:"
docker logs --tail 8 "$LB1" 2>&1 | sed 's/^/  /'
