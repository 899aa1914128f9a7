#!/bin/bash
# Manual try (after lan.ts and deploy-rendered.sh): the engine of mq-ram2 stopped and started again; prints the VIP gap, holders, when the node is back.
export HDR=$(mktemp); printf 'AMQP\x00\x00\x09\x01' > "$HDR"
sock() { echo "unix:///tmp/rabbitmq-ha-e2e-hosts/$1/docker.sock"; }
probe() { timeout 0.5 bash -c 'exec 3<>/dev/tcp/10.213.8.220/5672; cat "$HDR" >&3; head -c 11 <&3 | od -An -tx1 | grep -q "0a 00 0a"' 2>/dev/null; }
holders() { for h in mq-ram1 mq-ram2; do nsenter --net=/var/run/netns/rmqha-$h ip -o -4 addr show eth0 | grep -q 10.213.8.220 && printf "%s " $h; done; }
echo "before: holders=$(holders)"
t0=$(date +%s.%N)
(npx tsx "$(dirname "$0")/engine.ts" stop mq-ram2) &
while probe; do sleep 0.1; done; tdown=$(date +%s.%N)
while ! probe; do sleep 0.1; done
echo "VIP answered again $(echo "$(date +%s.%N) - $tdown" | bc) s after it stopped answering; holders=$(holders)"
wait
echo "engine stopped after $(echo "$(date +%s.%N) - $t0" | bc) s"
sleep 5
(npx tsx "$(dirname "$0")/engine.ts" start mq-ram2); t1=$(date +%s)
for i in $(seq 1 60); do
  run=$(docker -H $(sock mq-disc1) exec mh-rabbit-disc1 rabbitmqctl cluster_status --formatter json 2>/dev/null | python3 -c "import json,sys; print(len(json.load(sys.stdin)['running_nodes']))" 2>/dev/null)
  [ "$run" = 3 ] && break; sleep 2
done
echo "running nodes $run after $(( $(date +%s) - t1 )) s; holders=$(holders); probe=$(probe && echo ok || echo fail)"
docker -H $(sock mq-ram2) ps --format '{{.Names}} {{.Status}}'
