/**
 * Goal: the VIP costs under 10% throughput. On a deployed e2e-modern layout (RabbitMQ 4.3, three
 * nodes, HAProxy pair behind the Keepalived VIP), the same client publishes the same number of
 * confirmed persistent 64-byte messages into a quorum queue, alternately straight to a node and
 * through the VIP, round after round (which side goes first alternates too).
 *
 * Where the client lands matters more than the VIP: publishing to the quorum queue's leader is
 * much faster than to a follower, and HAProxy picks the node. So direct rounds rotate over the
 * nodes, each VIP round notes the node it landed on (vipThroughput/landing.ts), and the ratio
 * compares each VIP round with the direct rounds to the same node.
 *
 *   npm run bench:vip -- [--messages 20000] [--rounds 6] [--window 100]
 */
import { adminAmqp } from "../test/e2e/deployment";
import { mean, numberArg } from "./measure";
import { type PublishRun, publishConfirmed } from "./vipThroughput/publish";
import { withDeployment } from "./vipThroughput/deploy";
import { connectionNode, queueLeader } from "./vipThroughput/landing";

const STACK = "e2e-modern";
const VHOST = "E2E_VHOST";
const QUEUE = "E2E_LOAD_QUORUM_QUEUE";
const GOAL_COST = 0.1;

/** Mean VIP rate over mean direct rate to the same node, per node the VIP rounds landed on. */
function nodeForNode(direct: readonly PublishRun[], vip: readonly PublishRun[]): { node: string; ratio: number; rounds: number }[] {
  const nodes = [...new Set(vip.map((run) => run.node))].filter((n): n is string => n !== undefined);
  return nodes.flatMap((node) => {
    const rates = (runs: readonly PublishRun[]): number[] => runs.filter((r) => r.node === node).map((r) => r.perSecond);
    const d = rates(direct);
    return d.length === 0 ? [] : [{ node, ratio: mean(rates(vip)) / mean(d), rounds: rates(vip).length }];
  });
}

async function main(): Promise<void> {
  const messages = numberArg("messages", 20000);
  const rounds = numberArg("rounds", 6);
  const window = numberArg("window", 100);
  await withDeployment(STACK, async (deployment) => {
    const viaVip = adminAmqp(deployment, VHOST);
    const nodes = deployment.model.cluster.nodes.map((node, i) => ({ target: { ...viaVip, host: node.address }, name: deployment.nodes[i]?.erlangNode }));
    await publishConfirmed(viaVip, QUEUE, window * 5, window); // warm-up: connections, queue leader
    console.log(`queue leader: ${await queueLeader(deployment, VHOST, QUEUE)}`);
    const direct: PublishRun[] = [];
    const vip: PublishRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const node = nodes[round % nodes.length];
      if (!node) throw new Error("the layout has no nodes");
      const sides = [
        async () => direct.push(await publishConfirmed(node.target, QUEUE, messages, window, async () => node.name)),
        async () => vip.push(await publishConfirmed(viaVip, QUEUE, messages, window, () => connectionNode(deployment, VHOST))),
      ];
      for (const side of round % 2 === 0 ? sides : sides.reverse()) await side();
      const [d, v] = [direct.at(-1), vip.at(-1)];
      console.log(`round ${round + 1}: direct to ${d?.node} ${d?.perSecond.toFixed(0)} msg/s, via VIP (landed on ${v?.node ?? "?"}) ${v?.perSecond.toFixed(0)} msg/s`);
    }
    const rate = (runs: readonly PublishRun[]): number => mean(runs.map((r) => r.perSecond));
    console.log(`${messages} confirmed persistent 64 B messages per round, window ${window}, ${rounds} rounds`);
    console.log(`all rounds: direct mean ${rate(direct).toFixed(0)} msg/s, via VIP mean ${rate(vip).toFixed(0)} msg/s, ratio ${(rate(vip) / rate(direct)).toFixed(3)}`);
    const matched = nodeForNode(direct, vip);
    for (const m of matched) console.log(`  on ${m.node}: VIP/direct ${m.ratio.toFixed(3)} (${m.rounds} VIP rounds)`);
    const weighted = matched.reduce((sum, m) => sum + m.ratio * m.rounds, 0) / matched.reduce((sum, m) => sum + m.rounds, 0);
    console.log(`node for node VIP/direct ${weighted.toFixed(3)} (cost ${((1 - weighted) * 100).toFixed(1)}%, goal < ${GOAL_COST * 100}%): ${1 - weighted < GOAL_COST ? "MET" : "NOT MET"}`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
