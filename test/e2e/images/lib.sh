# shellcheck shell=bash
# Helpers shared by the image build and verification scripts (sourced, not run).
#
# Every image we make carries two labels:
#   rabbitmq-ha.test=1                 so cleanup can find everything the suite created;
#   rabbitmq-ha.content-hash=<sha256>  a hash of everything that went into it, so a rerun can
#                                      skip an image whose inputs did not change.

readonly TEST_LABEL="rabbitmq-ha.test=1"
readonly HASH_LABEL="rabbitmq-ha.content-hash"

# Legacy builder on purpose: the machine has no buildx plugin, and BuildKit without it is an error.
export DOCKER_BUILDKIT=0

# Build logs go here, outside the repository; the last lines are printed when a build fails.
readonly IMAGES_LOG_DIR=${IMAGES_LOG_DIR:-/tmp/rabbitmq-ha-images}
mkdir -p "$IMAGES_LOG_DIR"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Seconds since a now_ms reading, with one decimal (no bc on a fresh machine).
elapsed_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%d' $(( ms / 1000 )) $(( ms % 1000 / 100 )); }

# Exported so the verification scripts build.sh runs keep the same clock.
export IMAGES_STARTED_MS=${IMAGES_STARTED_MS:-$(now_ms)}
log() { printf '[images %7ss] %s\n' "$(elapsed_since "$IMAGES_STARTED_MS")" "$*"; }
die() { log "ERROR: $*"; exit 1; }

# sha256 of: the extra words given (build args, parent image id), then every file under DIR
# (path, mode and content), in a stable order. Any change to an input changes the hash.
content_hash() {
  local dir=$1; shift
  {
    printf '%s\n' "$@"
    (cd "$dir" && find . -type f -printf '%m %p\n' | LC_ALL=C sort)
    (cd "$dir" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -d' ' -f1
}

# The content hash an existing image was built from, or nothing if the image is absent.
image_hash() {
  docker image inspect -f "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$1" 2>/dev/null || true
}

image_id() { docker image inspect -f '{{ .Id }}' "$1"; }

# Build IMAGE from CONTEXT unless an image with the same content hash exists.
# Usage: build_image IMAGE CONTEXT PARENT_IMAGE [--build-arg K=V ...]
# Sets BUILT=1 when it built, BUILT=0 when it reused (read by build.sh).
# shellcheck disable=SC2034
build_image() {
  local image=$1 context=$2 parent=$3; shift 3
  local started hash
  started=$(now_ms)
  hash=$(content_hash "$context" "$(image_id "$parent")" "$@")
  if [[ "$(image_hash "$image")" == "$hash" ]]; then
    BUILT=0
    log "$image: up to date (reused in $(elapsed_since "$started") s)"
    return
  fi
  local build_log="$IMAGES_LOG_DIR/${image//[\/:]/_}.build.log"
  log "$image: building from $context (log: $build_log)"
  # --force-rm: a failed step must not leave its intermediate container behind.
  if ! docker build --force-rm --label "$TEST_LABEL" --label "$HASH_LABEL=$hash" \
      --tag "$image" "$@" "$context" > "$build_log" 2>&1; then
    tail -n 30 "$build_log"
    die "$image: docker build failed"
  fi
  BUILT=1
  log "$image: built in $(elapsed_since "$started") s"
}

# Remove a container with its anonymous volumes; quiet if it is already gone.
remove_container() { docker rm -fv "$1" > /dev/null 2>&1 || true; }

# contains TEXT PATTERN: grep on a value, not on a pipe (with pipefail, `cmd | grep -q` fails
# when grep stops reading early and cmd gets SIGPIPE).
contains() { grep -q -- "$2" <<< "$1"; }

# Poll COMMAND every 0.5 s until it succeeds or TIMEOUT seconds pass.
# Usage: wait_until TIMEOUT command args...
wait_until() {
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@" > /dev/null 2>&1; do
    (( $(date +%s) < deadline )) || return 1
    sleep 0.5
  done
}
