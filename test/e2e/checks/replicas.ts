/**
 * Queue replicas: every quorum queue has its full membership online, and every mirrored classic
 * queue (3.x) has all its mirrors synchronised. After a fault this is what "healed" means for data.
 */
import { Check, expect } from "./types";
import type { QueueSpec } from "../../../model/types";
import type { Deployment } from "../deployment";
import { expectedPolicy } from "./policies";
import { management } from "../../../engine/providers/rabbitmq/http";

interface ApiQueue {
  readonly name: string;
  readonly vhost: string;
  readonly type?: string;
  readonly members?: string[];
  readonly online?: string[];
  readonly slave_nodes?: string[];
  readonly synchronised_slave_nodes?: string[];
}

export async function replicaProblems(deployment: Deployment): Promise<string[]> {
  const live = (await management(deployment.management, "GET", "/api/queues")).body as ApiQueue[];
  const problems: string[] = [];
  const nodeCount = deployment.nodes.length;
  for (const queue of deployment.model.topology.queues) {
    const found = live.find((q) => q.vhost === queue.vhost && q.name === queue.name);
    const name = `${queue.vhost}/${queue.name}`;
    if (!found) {
      problems.push(`${name} missing`);
      continue;
    }
    if (queue.type === "quorum") {
      const wanted = Math.min(queue.initialGroupSize ?? nodeCount, nodeCount);
      const members = found.members ?? [];
      const offline = members.filter((member) => !(found.online ?? []).includes(member));
      if (members.length !== wanted) problems.push(`${name} has ${members.length} members, want ${wanted}`);
      if (offline.length > 0) problems.push(`${name} members offline: ${offline.join(", ")}`);
    }
    if (mirrored(deployment, queue) && (found.slave_nodes ?? []).length === 0) {
      problems.push(`${name} is under a mirroring policy but has no mirrors`);
    }
    const unsynced = (found.slave_nodes ?? []).filter((node) => !(found.synchronised_slave_nodes ?? []).includes(node));
    if (unsynced.length > 0) problems.push(`${name} mirrors not synchronised: ${unsynced.join(", ")}`);
  }
  return problems;
}

/** Whether the model's winning policy for a classic queue mirrors it (ha-mode). */
function mirrored(deployment: Deployment, queue: QueueSpec): boolean {
  const name = expectedPolicy(deployment.model.topology.policies, queue, false, deployment.model.cluster.version);
  const policy = deployment.model.topology.policies.find((p) => p.vhost === queue.vhost && p.name === name && !p.operator);
  return queue.type === "classic" && policy !== undefined && "ha-mode" in policy.definition;
}

export const replicasInSync: Check = {
  name: "quorum members online and classic mirrors synchronised",
  run: async (deployment) => {
    const problems = await replicaProblems(deployment);
    expect(problems.length === 0, problems.join("; "));
    const live = (await management(deployment.management, "GET", "/api/queues")).body as ApiQueue[];
    const mirrored = live.filter((q) => (q.slave_nodes ?? []).length > 0).length;
    const quorum = deployment.model.topology.queues.filter((q) => q.type === "quorum").length;
    return `${quorum} quorum queues fully online, ${mirrored} mirrored classic queues in sync`;
  },
};
