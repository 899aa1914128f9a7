#!/usr/bin/env bash
# Checks that a RabbitMQ stand-in image behaves like the official one where the deployment
# relies on it. Usage: verify-rabbitmq.sh IMAGE SERIES   (e.g. ...:3.10-management 3.10)
#
#  1. files are placed the way the Pulumi docker provider places them (archive upload with
#     numeric owner and mode): a conf.d file with default_user/default_pass, and the cookie
#     0400 owned by 999:999; the node boots, as uid 999;
#  2. `rabbitmq-diagnostics -q ping` run as root answers (root's CLI finds the cookie);
#  3. the management API answers on 15672 for the conf.d user and reports the series;
#  4. with the cookie 0644 the node refuses to start (Erlang's owner-only rule).
# Containers run with --network none: every probe goes through `docker exec` on loopback.
set -euo pipefail

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly IMAGES_DIR
# shellcheck source=lib.sh
source "$IMAGES_DIR/lib.sh"

readonly IMAGE=$1 SERIES=$2
readonly PREFIX="rabbitmq-ha-verify-$$"
SCRATCH=$(mktemp -d)
readonly SCRATCH
trap 'remove_container "$PREFIX-ok"; remove_container "$PREFIX-open"; rm -rf "$SCRATCH"' EXIT

# Generated per run and never printed.
readonly USER_NAME=verify
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
readonly PASSWORD

# upload CONTAINER DIR FILE MODE: copy $SCRATCH/FILE into DIR as 999:999 with MODE.
upload() {
  tar --numeric-owner --owner=999 --group=999 --mode="$4" -C "$SCRATCH" -cf - "$3" \
    | docker cp - "$1:$2"
}

# start_node NAME COOKIE_MODE: create, place conf.d file and cookie, start.
start_node() {
  local name=$1
  docker create --name "$name" --label "$TEST_LABEL" --network none \
    --hostname rabbit-verify --add-host rabbit-verify:127.0.0.1 "$IMAGE" > /dev/null
  upload "$name" /etc/rabbitmq/conf.d 90-verify.conf 0644
  upload "$name" /var/lib/rabbitmq .erlang.cookie "$2"
  docker start "$name" > /dev/null
}

management_get() {
  local auth; auth=$(printf '%s:%s' "$USER_NAME" "$PASSWORD" | base64 -w0)
  docker exec "$1" bash -c 'exec 3<> /dev/tcp/127.0.0.1/15672
    printf "GET %s HTTP/1.0\r\nAuthorization: Basic %s\r\n\r\n" "$0" "$1" >&3; cat <&3' "$2" "$auth"
}

management_ok() { contains "$(management_get "$1" /api/overview)" '^HTTP/1.[01] 200'; }

# fail CONTAINER MESSAGE: show the container's last log lines, then stop.
fail() { log "$IMAGE: FAILED: $2"; docker logs --tail 30 "$1" 2>&1 || true; exit 1; }

printf 'default_user = %s\ndefault_pass = %s\ndefault_user_tags.administrator = true\n' \
  "$USER_NAME" "$PASSWORD" > "$SCRATCH/90-verify.conf"
head -c 20 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$SCRATCH/.erlang.cookie"

log "$IMAGE: node with cookie 0400 999:999 and a conf.d user"
start_node "$PREFIX-ok" 0400
wait_until 120 docker exec "$PREFIX-ok" rabbitmq-diagnostics -q ping || fail "$PREFIX-ok" "ping never answered"
log "$IMAGE: rabbitmq-diagnostics -q ping answers (as root)"
[[ "$(docker exec "$PREFIX-ok" stat -c %u /proc/1)" == 999 ]] || fail "$PREFIX-ok" "server does not run as uid 999"
wait_until 60 management_ok "$PREFIX-ok" || fail "$PREFIX-ok" "management API never answered 200"
contains "$(management_get "$PREFIX-ok" /api/overview)" "\"rabbitmq_version\":\"$SERIES\." \
  || fail "$PREFIX-ok" "management API does not report RabbitMQ $SERIES"
log "$IMAGE: management API answers 200 for the conf.d user, version $SERIES.x"

log "$IMAGE: node with cookie 0644 must refuse to start"
start_node "$PREFIX-open" 0644
has_stopped() { [[ "$(docker inspect -f '{{.State.Running}}' "$1")" == false ]]; }
wait_until 60 has_stopped "$PREFIX-open" || fail "$PREFIX-open" "node with a 0644 cookie is still running"
contains "$(docker logs "$PREFIX-open" 2>&1)" 'must be accessible by owner only' \
  || fail "$PREFIX-open" "node with a 0644 cookie stopped for another reason"
log "$IMAGE: refused: cookie must be accessible by owner only"
