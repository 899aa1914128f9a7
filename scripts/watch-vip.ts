/**
 * Watches who holds a stack's VIP until Ctrl-C, then prints the summary (ops/loadBalancer/vipWatch.ts).
 * For measuring a change by hand beside `npm run e2e` or `npm run offline -- up`:
 *   npx tsx scripts/watch-vip.ts <vip> <container>... (on the local Docker engine, or DOCKER_HOST)
 *   npx tsx scripts/watch-vip.ts 172.29.62.220 rabbitmq-ha-e2e-modern-modern-lb1 rabbitmq-ha-e2e-modern-modern-lb2
 */
import { dockerClient, dockerHostOf } from "../ops/docker";
import { watchVip } from "../ops/loadBalancer/vipWatch";

const [vip, ...containers] = process.argv.slice(2);
if (!vip || containers.length === 0) {
  process.stderr.write("usage: npx tsx scripts/watch-vip.ts <vip> <container>...\n");
  process.exit(2);
}
const docker = dockerClient(dockerHostOf(undefined));
const watch = watchVip(containers.map((container) => ({ name: container, docker, container, address: "" })), vip, (s) =>
  process.stdout.write(`${new Date(s.at).toISOString()} ${s.holders.join(", ") || "(no holder)"}\n`),
);
process.stdout.write(`watching ${vip} on ${containers.join(", ")} (Ctrl-C to stop)\n`);
process.on("SIGINT", () => {
  void watch.stop().then((timeline) => {
    process.stdout.write(`${JSON.stringify(timeline)}\n`);
    process.exit(0);
  });
});
