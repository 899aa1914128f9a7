# shellcheck shell=bash
# A small lab for the load-balancer image (sourced by verify-loadbalancer.sh and
# try-failover.sh, after lib.sh): a labelled bridge network of our own, load-balancer
# containers with a minimal haproxy.cfg and a unicast keepalived.conf, and probes of the VIP.
# All traffic stays on this network, which the lab creates and removes.

readonly LAB="rabbitmq-ha-lblab-$$"
readonly LAB_SUBNET=${LAB_SUBNET:-172.31.251.0/24}
readonly LAB_PREFIX=${LAB_SUBNET%.*}
readonly VIP="$LAB_PREFIX.100"
LAB_SCRATCH=$(mktemp -d)
readonly LAB_SCRATCH
LAB_CONTAINERS=()

lab_up() {
  docker network create --label "$TEST_LABEL" --subnet "$LAB_SUBNET" "$LAB" > /dev/null \
    || die "cannot create network $LAB on $LAB_SUBNET (set LAB_SUBNET to a free /24)"
}

lab_down() {
  local c
  for c in "${LAB_CONTAINERS[@]}"; do remove_container "$c"; done
  docker network rm "$LAB" > /dev/null 2>&1 || true
  rm -rf "$LAB_SCRATCH"
}

# render_configs NAME ADDRESS STATE PRIORITY PEER: the two files the deployment would upload.
# Port 5672 is what the track script checks; port 8080 answers "NAME" so a probe through the
# VIP can tell which load balancer served it.
render_configs() {
  local name=$1 address=$2 state=$3 priority=$4 peer=$5 dir="$LAB_SCRATCH/$1"
  mkdir -p "$dir"
  cat > "$dir/haproxy.cfg" <<EOF
defaults
  mode tcp
  timeout connect 2s
  timeout client 1m
  timeout server 1m
frontend amqp
  bind :5672
  default_backend brokers
backend brokers
frontend whoami
  mode http
  bind :8080
  http-request return status 200 content-type text/plain string "$name"
EOF
  cat > "$dir/keepalived.conf" <<EOF
global_defs {
  router_id $name
  enable_script_security
  script_user keepalived_script
}
vrrp_script check_haproxy {
  script "/etc/keepalived/check_haproxy.sh"
  interval 1
  timeout 2
  fall 2
  rise 2
}
vrrp_instance lab {
  state $state
  interface eth0
  virtual_router_id 61
  priority $priority
  advert_int 1
  unicast_src_ip $address
  unicast_peer {
    $peer
  }
  virtual_ipaddress {
    $VIP/24 dev eth0
  }
  track_script {
    check_haproxy
  }
}
EOF
}

# upload_file CONTAINER SRC DEST_DIR NAME: as the docker provider does (archive, root, 0644).
upload_file() {
  local staging; staging=$(mktemp -d)
  cp "$2" "$staging/$4"
  tar --numeric-owner --owner=0 --group=0 --mode=0644 -C "$staging" -cf - "$4" | docker cp - "$1:$3"
  rm -rf "$staging"
}

# start_lb IMAGE NAME ADDRESS STATE PRIORITY PEER
start_lb() {
  local image=$1 name="$LAB-$2"
  render_configs "$2" "$3" "$4" "$5" "$6"
  docker create --name "$name" --label "$TEST_LABEL" --network "$LAB" --ip "$3" \
    --cap-add NET_ADMIN --cap-add NET_RAW "$image" > /dev/null
  LAB_CONTAINERS+=("$name")
  upload_file "$name" "$LAB_SCRATCH/$2/haproxy.cfg" /usr/local/etc/haproxy haproxy.cfg
  upload_file "$name" "$LAB_SCRATCH/$2/keepalived.conf" /etc/keepalived keepalived.conf
  docker start "$name" > /dev/null
}

is_running_container() { [[ "$(docker inspect -f '{{.State.Running}}' "$1" 2> /dev/null)" == true ]]; }

holds_vip() {
  is_running_container "$1" && contains "$(docker exec "$1" ip -4 -o addr show dev eth0)" " $VIP/"
}

# The lab containers that hold the VIP right now, space separated.
vip_holders() {
  local c holders=()
  for c in "${LAB_CONTAINERS[@]}"; do holds_vip "$c" && holders+=("${c#"$LAB-"}"); done
  echo "${holders[*]}"
}

# Which load balancer answers a new connection to the VIP (empty if none within 0.3 s).
served_by() {
  # shellcheck disable=SC2016  # $0 is expanded by the inner bash
  timeout 0.3 bash -c 'exec 3<> "/dev/tcp/$0/8080"
    printf "GET / HTTP/1.0\r\n\r\n" >&3; tail -n 1 <&3' "$VIP" 2> /dev/null || true
}
