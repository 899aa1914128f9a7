/**
 * Goal: the VIP costs under 10% throughput. On a deployed e2e-modern layout (RabbitMQ 4.3, three
 * nodes, HAProxy pair behind the Keepalived VIP), the same client publishes the same number of
 * confirmed persistent 64-byte messages into a quorum queue, alternately straight to a node and
 * through the VIP, round after round (which side goes first alternates too).
 *
 * Where the client lands matters more than the VIP: publishing to the quorum queue's leader is
 * much faster than to a follower, and HAProxy picks the node. So direct rounds rotate over the
 * nodes, each VIP round notes the node it landed on (vipThroughput/landing.ts), and the ratio
 * compares VIP rounds with direct rounds to the same node. A node's ratio is claimed only with
 * at least MIN_ROUNDS_PER_NODE rounds on each side there; the overall ratio (weighted by VIP
 * rounds per claimed node) comes with a 95% percentile-bootstrap interval, each node's two
 * sides resampled on their own, and the verdict is MET / NOT MET only when the whole interval
 * is on one side of the goal.
 *
 *   npm run bench:vip -- [--messages 20000] [--rounds 18] [--window 100] [--write]
 */
import * as os from "node:os";
import { adminAmqp } from "../test/e2e/deployment";
import { numberArg } from "./measure";
import { machine, wantsWrite, writeResult } from "./results";
import { formatInterval, mean, verdict } from "./stats";
import { type PublishRun, publishConfirmed } from "./vipThroughput/publish";
import { byNode, MIN_ROUNDS_PER_NODE, weightedRatio } from "./vipThroughput/ratio";
import { withDeployment } from "./vipThroughput/deploy";
import { connectionNode, queueLeader } from "./vipThroughput/landing";

const STACK = "e2e-modern";
const VHOST = "E2E_VHOST";
const QUEUE = "E2E_LOAD_QUORUM_QUEUE";
const GOAL_COST = 0.1;
async function main(): Promise<void> {
  const messages = numberArg("messages", 20000);
  const rounds = numberArg("rounds", 18);
  const window = numberArg("window", 100);
  const host = machine();
  await withDeployment(STACK, async (deployment) => {
    const viaVip = adminAmqp(deployment, VHOST);
    const nodes = deployment.model.cluster.nodes.map((node, i) => ({ target: { ...viaVip, host: node.address }, name: deployment.nodes[i]?.erlangNode }));
    await publishConfirmed(viaVip, QUEUE, window * 5, window); // warm-up: connections, queue leader
    const leader = await queueLeader(deployment, VHOST, QUEUE);
    console.log(`queue leader: ${leader}`);
    const direct: PublishRun[] = [];
    const vip: PublishRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const node = nodes[round % nodes.length];
      if (!node) throw new Error("the layout has no nodes");
      const sides = [
        async () => direct.push(await publishConfirmed(node.target, QUEUE, messages, window, async () => node.name)),
        async () => vip.push(await publishConfirmed(viaVip, QUEUE, messages, window, () => connectionNode(deployment, VHOST))),
      ];
      // Which side goes first alternates every round, independently of the node rotation.
      for (const side of round % 2 === 0 ? sides : sides.reverse()) await side();
      const [d, v] = [direct.at(-1), vip.at(-1)];
      console.log(`round ${round + 1}: direct to ${d?.node} ${d?.perSecond.toFixed(0)} msg/s, via VIP (landed on ${v?.node ?? "?"}) ${v?.perSecond.toFixed(0)} msg/s`);
    }
    console.log(`${messages} confirmed persistent 64 B messages per round, window ${window}, ${rounds} rounds`);
    const perNode = byNode(direct, vip);
    for (const n of perNode) {
      const ratio = mean(n.vip) / mean(n.direct);
      console.log(`  on ${n.node}: VIP/direct ${ratio.toFixed(3)} (${n.vip.length} VIP, ${n.direct.length} direct rounds)${n.claimed ? "" : ` not claimed: fewer than ${MIN_ROUNDS_PER_NODE} rounds on a side`}`);
    }
    const claimed = perNode.filter((n) => n.claimed);
    const ratio = weightedRatio(claimed);
    const decided = ratio === undefined ? "UNDECIDED" : verdict(ratio, 1 - GOAL_COST, "higher");
    console.log(ratio === undefined
      ? `no node has ${MIN_ROUNDS_PER_NODE} rounds on each side: no ratio claimed (more --rounds)`
      : `node for node VIP/direct ${formatInterval(ratio, 3, "")} over ${claimed.map((n) => n.node).join(", ")}; goal cost < ${GOAL_COST * 100}% (ratio >= ${1 - GOAL_COST}): ${decided}`);
    if (wantsWrite()) {
      writeResult("vip", {
        measuredAt: new Date().toISOString(),
        command: `npm run bench:vip -- --messages ${messages} --rounds ${rounds} --window ${window} --write`,
        machine: { ...host, loadAtEnd: os.loadavg()[0] ?? 0 },
        stack: STACK,
        queueLeader: leader,
        rounds: { direct: direct.map(({ node, perSecond }) => ({ node, perSecond: Math.round(perSecond) })), vip: vip.map(({ node, perSecond }) => ({ node, perSecond: Math.round(perSecond) })) },
        perNode: perNode.map((n) => ({ node: n.node, ratio: mean(n.vip) / mean(n.direct), vipRounds: n.vip.length, directRounds: n.direct.length, claimed: n.claimed })),
        ratio: ratio === undefined ? null : { statistic: "VIP/direct ratio of means per claimed node, weighted by VIP rounds; percentile bootstrap", ...ratio },
        goal: `VIP/direct >= ${1 - GOAL_COST}`,
        verdict: decided,
      });
      console.log("written to bench/results.json (vip)");
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
