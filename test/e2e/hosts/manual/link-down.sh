#!/bin/bash
# Manual try (after lan.ts and deploy-rendered.sh): mq-ram1 loses its link for 20 s; prints how long the VIP was gone, who holds it, when the node is back.
export HDR=$(mktemp); printf 'AMQP\x00\x00\x09\x01' > "$HDR"
sock() { echo "unix:///tmp/rabbitmq-ha-e2e-hosts/$1/docker.sock"; }
probe() { timeout 0.5 bash -c 'exec 3<>/dev/tcp/10.213.8.220/5672; cat "$HDR" >&3; head -c 11 <&3 | od -An -tx1 | grep -q "0a 00 0a"' 2>/dev/null; }
holders() { for h in mq-ram1 mq-ram2; do nsenter --net=/var/run/netns/rmqha-$h ip -o -4 addr show eth0 | grep -q 10.213.8.220 && printf "%s " $h; done; }
echo "before: holders=$(holders)"
t0=$(date +%s.%N); ip -n rmqha-mq-ram1 link set eth0 down
while ! probe; do sleep 0.1; done
echo "mq-ram1 link down: AMQP through the VIP again after $(echo "$(date +%s.%N) - $t0" | bc) s; holders=$(holders)"
sleep $(echo "20 - ($(date +%s.%N) - $t0)" | bc)
ip -n rmqha-mq-ram1 link set eth0 up; t1=$(date +%s)
echo "link up after 20 s"
for i in $(seq 1 60); do
  run=$(docker -H $(sock mq-disc1) exec mh-rabbit-disc1 rabbitmqctl cluster_status --formatter json 2>/dev/null | python3 -c "import json,sys; print(len(json.load(sys.stdin)['running_nodes']))" 2>/dev/null)
  [ "$run" = 3 ] && break; sleep 2
done
echo "running nodes $run after $(( $(date +%s) - t1 )) s; holders=$(holders); probe=$(probe && echo ok || echo fail)"
