#!/bin/bash
# Manual try: the rendered e2e-hosts files on the namespace engines (host networking).
set -u
R=${1:?usage: deploy-rendered.sh RENDER_DIR (npm run render -- --stack e2e-hosts --out RENDER_DIR)}; F=$(mktemp -d)
sock() { echo "unix:///tmp/rabbitmq-ha-e2e-hosts/$1/docker.sock"; }
HOSTS="--add-host rabbit-disc1:10.213.8.150 --add-host rabbit-ram1:10.213.8.40 --add-host rabbit-ram2:10.213.8.45"
node() { # node host
  local n=$1 h=$2 d=$F/$1
  mkdir -p $d/etc/rabbitmq/conf.d $d/var/lib/rabbitmq
  cp -r $R/$n/etc $d/ ; cp $R/$n/var/lib/rabbitmq/.erlang.cookie $d/var/lib/rabbitmq/
  chown -R 999:999 $d; chmod 400 $d/var/lib/rabbitmq/.erlang.cookie $d/etc/rabbitmq/conf.d/60-rabbitmq-ha-admin.conf
  docker -H $(sock $h) create --name mh-$n --label rabbitmq-ha.e2e-hosts=manual --network host --hostname $n $HOSTS --restart unless-stopped rabbitmq-ha-test/rabbitmq:3.10-management >/dev/null
  (cd $d && tar -c --numeric-owner . | docker -H $(sock $h) cp - mh-$n:/)
  docker -H $(sock $h) start mh-$n >/dev/null
}
lb() {
  local n=$1 h=$2 d=$F/$1
  mkdir -p $d; cp -r $R/$n/* $d/; chmod 644 $d/usr/local/etc/haproxy/haproxy.cfg  # the program uploads it readable by HAProxy; here a plain copy
  docker -H $(sock $h) create --name mh-$n --label rabbitmq-ha.e2e-hosts=manual --network host --hostname $n --cap-add NET_ADMIN --cap-add NET_RAW --restart unless-stopped rabbitmq-ha-loadbalancer:rabbitmq-ha-test-haproxy-2.6 >/dev/null
  (cd $d && tar -c --numeric-owner . | docker -H $(sock $h) cp - mh-$n:/)
  docker -H $(sock $h) start mh-$n >/dev/null
}
t0=$(date +%s)
node rabbit-disc1 mq-disc1; sleep 8
node rabbit-ram1 mq-ram1; node rabbit-ram2 mq-ram2
lb lb1 mq-ram1; lb lb2 mq-ram2
echo "started in $(( $(date +%s) - t0 )) s"
