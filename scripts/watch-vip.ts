/**
 * Watches who holds a VIP on the local Docker engine until Ctrl-C, printing each change, then
 * the summary (ops/loadBalancer/vipWatch.ts). Reads /proc (procVip.ts) every 5 ms, so it adds
 * no load to the load balancers. For measuring a change beside `npm run e2e`:
 *   npx tsx scripts/watch-vip.ts 172.29.62.220 rabbitmq-ha-e2e-modern-modern-lb1 rabbitmq-ha-e2e-modern-modern-lb2
 */
import { dockerClient, dockerHostOf } from "../ops/docker";
import { procVipSampler } from "../ops/loadBalancer/procVip";
import { watchVip } from "../ops/loadBalancer/vipWatch";

const [vip, ...containers] = process.argv.slice(2);
if (!vip || containers.length === 0) {
  process.stderr.write("usage: npx tsx scripts/watch-vip.ts <vip> <container>...\n");
  process.exit(2);
}
const sampler = procVipSampler(dockerClient(dockerHostOf(undefined)), containers, vip);
const watch = watchVip(sampler, 5, (s) => process.stdout.write(`${new Date(s.at).toISOString()} ${s.holders.join(", ") || "(no holder)"}\n`));
process.stdout.write(`watching ${vip} on ${containers.join(", ")} (Ctrl-C to stop)\n`);
process.on("SIGINT", () => {
  void watch.stop().then((timeline) => {
    process.stdout.write(`${JSON.stringify(timeline)}\n`);
    process.exit(0);
  });
});
