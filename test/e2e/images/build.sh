#!/usr/bin/env bash
# Builds every image the end-to-end suite needs, with no registry (`npm run images`):
#
#   rabbitmq-ha-test/debian:bookworm, :forky     debootstrap + docker import
#   rabbitmq-ha-test/rabbitmq:3.10-management    Debian bookworm's rabbitmq-server 3.10
#   rabbitmq-ha-test/rabbitmq:4.3-management     Debian forky's rabbitmq-server 4.3
#   rabbitmq-ha-test/haproxy:2.6                 Debian bookworm's haproxy 2.6
#   rabbitmq-ha-test/loadbalancer:dev            templates/loadbalancer on top of haproxy:2.6
#
# Each stands in for the official image of the same series and behaves like it (README.md
# beside this file). Idempotent: an image whose inputs did not change is reused in about a
# second. A freshly built image is verified (IMAGES_VERIFY=0 skips that) and removed again if
# it fails, so the next run rebuilds it.
set -euo pipefail

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly IMAGES_DIR
REPO_ROOT=$(cd "$IMAGES_DIR/../../.." && pwd)
readonly REPO_ROOT
# shellcheck source=lib.sh
source "$IMAGES_DIR/lib.sh"
# shellcheck source=base.sh
source "$IMAGES_DIR/base.sh"

readonly RABBITMQ_REPOSITORY=rabbitmq-ha-test/rabbitmq
readonly HAPROXY_IMAGE=rabbitmq-ha-test/haproxy:2.6
readonly LOADBALANCER_IMAGE=rabbitmq-ha-test/loadbalancer:dev
readonly VERIFY=${IMAGES_VERIFY:-1}

# verify_or_discard IMAGE SCRIPT ARGS...: run a verification script on a fresh image; on
# failure remove the image so its content-hash label cannot make the next run trust it.
verify_or_discard() {
  local image=$1 script=$2; shift 2
  [[ "$BUILT" == 1 && "$VERIFY" == 1 ]] || return 0
  local started; started=$(now_ms)
  if ! "$IMAGES_DIR/$script" "$image" "$@"; then
    docker image rm "$image" > /dev/null 2>&1 || true
    die "$image: verification failed; image removed"
  fi
  log "$image: verified in $(elapsed_since "$started") s"
}

build_rabbitmq() {
  local series=$1 suite=$2 image="$RABBITMQ_REPOSITORY:$1-management"
  build_image "$image" "$IMAGES_DIR/rabbitmq" "rabbitmq-ha-test/debian:$suite" \
    --build-arg "BASE_IMAGE=rabbitmq-ha-test/debian:$suite" --build-arg "RABBITMQ_SERIES=$series"
  verify_or_discard "$image" verify-rabbitmq.sh "$series"
}

main() {
  docker info > /dev/null 2>&1 || die "no Docker engine answers (start dockerd first)"
  command -v debootstrap > /dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
  log "building test images (verify fresh builds: $VERIFY)"

  ensure_base_image bookworm
  ensure_base_image forky

  build_rabbitmq 3.10 bookworm
  build_rabbitmq 4.3 forky

  build_image "$HAPROXY_IMAGE" "$IMAGES_DIR/haproxy" rabbitmq-ha-test/debian:bookworm \
    --build-arg BASE_IMAGE=rabbitmq-ha-test/debian:bookworm --build-arg HAPROXY_SERIES=2.6

  build_image "$LOADBALANCER_IMAGE" "$REPO_ROOT/templates/loadbalancer" "$HAPROXY_IMAGE" \
    --build-arg "HAPROXY_IMAGE=$HAPROXY_IMAGE"
  verify_or_discard "$LOADBALANCER_IMAGE" verify-loadbalancer.sh

  # Rebuilds leave the previous image untagged: drop those (ours only, by label).
  docker image prune --force --filter "label=$TEST_LABEL" > /dev/null
  log "all images ready:"
  docker image ls --filter "label=$TEST_LABEL" --format '  {{.Repository}}:{{.Tag}}  {{.Size}}'
}

main "$@"
