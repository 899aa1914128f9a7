/**
 * Which node a connection through the VIP landed on, and which node leads the quorum queue,
 * from the management API (through the VIP, the admin's credentials). Publishing to the
 * leader is much faster than to a follower, so a fair VIP cost compares rounds node for node.
 */
import { management, seg } from "../../engine/providers/rabbitmq/http";
import type { Deployment } from "../../test/e2e/deployment";
import { sleep } from "../../test/e2e/log";

const LOOK_FOR_MS = 5_000;

/** The node serving the benchmark's only connection in `vhost` (none other is open there). */
export async function connectionNode(deployment: Deployment, vhost: string): Promise<string | undefined> {
  const deadline = Date.now() + LOOK_FOR_MS;
  while (Date.now() < deadline) {
    const { body } = await management(deployment.management, "GET", `/api/vhosts/${seg(vhost)}/connections?columns=node,user`);
    const nodes = (Array.isArray(body) ? body : []).map((c: { node?: string }) => c.node).filter((n): n is string => n !== undefined);
    if (nodes.length === 1) return nodes[0];
    await sleep(200); // a connection shows up in the management API a moment after it opens
  }
  return undefined;
}

export async function queueLeader(deployment: Deployment, vhost: string, queue: string): Promise<string | undefined> {
  const { body } = await management(deployment.management, "GET", `/api/queues/${seg(vhost)}/${seg(queue)}`);
  const q = body as { leader?: string; node?: string };
  return q.leader ?? q.node;
}
