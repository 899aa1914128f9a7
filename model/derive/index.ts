import type { QueueSpec, TopologySpec } from "../types";
import { grantParkingWrites } from "./parkingGrants";
import { expandQueueRetry } from "./retry";

/**
 * Objects the model derives from what users wrote (the retry expansion), applied by the loader
 * after validation so that every later stage sees them as ordinary exchanges, queues, bindings
 * and grants. Pure and idempotent (a topology that was already derived comes back unchanged);
 * generated objects carry `generatedFor` and their work queue's origin, and follow the queue
 * they serve in the lists, so output order stays stable.
 */
export function deriveTopology(topology: TopologySpec): TopologySpec {
  const expanded = new Set(topology.exchanges.filter((x) => x.generatedFor).map((x) => key(x.vhost, x.generatedFor!)));
  const needsExpansion = (q: QueueSpec) => q.retry !== undefined && !expanded.has(key(q.vhost, q.name));
  const exchanges = [...topology.exchanges];
  const queues: QueueSpec[] = [];
  const bindings = [...topology.bindings];
  for (const queue of topology.queues) {
    if (!queue.retry || !needsExpansion(queue)) {
      queues.push(queue);
      continue;
    }
    const expansion = expandQueueRetry(queue, queue.retry);
    queues.push(expansion.workQueue, ...expansion.queues);
    exchanges.push(...expansion.exchanges);
    bindings.push(...expansion.bindings);
  }
  return { ...topology, exchanges, queues, bindings, users: grantParkingWrites(topology.users, topology.queues) };
}

function key(vhost: string, name: string): string {
  return JSON.stringify([vhost, name]);
}
