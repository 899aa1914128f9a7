# shellcheck shell=bash
# Base images without a registry: debootstrap a minimal Debian, then `docker import` it
# (sourced by build.sh, uses lib.sh).

readonly DEBIAN_MIRROR=http://deb.debian.org/debian
# Bump when the recipe below changes in a way that must rebuild the base images (and so
# every image on them); comments and logging do not need it.
readonly BASE_RECIPE_VERSION=1
readonly BASE_REPOSITORY=rabbitmq-ha-test/debian
# debootstrap works in a scratch folder outside the repository, deleted after the import.
readonly DEBOOTSTRAP_PARENT=${DEBOOTSTRAP_PARENT:-/var/tmp}

# Bookworm's debootstrap knows no "forky": the sid script bootstraps any later suite.
debootstrap_script_for() {
  case $1 in
    bookworm | trixie) echo "" ;;
    *) echo /usr/share/debootstrap/scripts/sid ;;
  esac
}

# Unmount whatever debootstrap left mounted (proc, sys) before deleting, so rm never walks
# into the host's /proc or /sys.
remove_rootfs() {
  local dir=$1 mount_point
  [[ -d "$dir" ]] || return 0
  while read -r mount_point; do
    umount -l "$mount_point" 2> /dev/null || true
  done < <(awk -v d="$dir" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$dir"
}

# ensure_base_image SUITE: rabbitmq-ha-test/debian:SUITE exists, built from this file's recipe.
ensure_base_image() {
  local suite=$1 image="$BASE_REPOSITORY:$1" script hash started rootfs
  script=$(debootstrap_script_for "$suite")
  started=$(now_ms)
  hash=$(echo "base $BASE_RECIPE_VERSION $suite $DEBIAN_MIRROR $script" | sha256sum | cut -d' ' -f1)
  if [[ "$(image_hash "$image")" == "$hash" ]]; then
    log "$image: up to date (reused in $(elapsed_since "$started") s)"
    return
  fi
  rootfs=$(mktemp -d "$DEBOOTSTRAP_PARENT/rabbitmq-ha-debootstrap.$suite.XXXXXX")
  # shellcheck disable=SC2064  # expand now: the trap must delete this very folder
  trap "remove_rootfs '$rootfs'" EXIT
  local debootstrap_log="$IMAGES_LOG_DIR/debootstrap-$suite.log"
  log "$image: debootstrap --variant=minbase $suite (log: $debootstrap_log)"
  # shellcheck disable=SC2086  # $script is empty or one path
  if ! debootstrap --variant=minbase "$suite" "$rootfs" "$DEBIAN_MIRROR" $script \
      > "$debootstrap_log" 2>&1; then
    tail -n 30 "$debootstrap_log"
    die "$image: debootstrap failed"
  fi
  # Leave no package cache or index in the image: every Dockerfile runs apt-get update first.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  log "$image: debootstrap done in $(elapsed_since "$started") s, importing"
  tar -C "$rootfs" -c . | docker import \
    --change "LABEL $TEST_LABEL" --change "LABEL $HASH_LABEL=$hash" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' \
    - "$image" > /dev/null || die "$image: docker import failed"
  remove_rootfs "$rootfs"
  trap - EXIT
  log "$image: imported in $(elapsed_since "$started") s"
}
