/**
 * Where dead letters can go: queue -> its dead-letter exchange (own argument, else policy) ->
 * every queue bound below it, conservatively ignoring routing keys, following
 * exchange-to-exchange bindings and alternate exchanges.
 */
import type { QueueSpec, TopologySpec } from "../types";
import { effectivePolicy } from "./policyMatch";
import { TopologyIndex } from "./topologyIndex";

export function deadLetterExchangeOf(topology: TopologySpec, queue: QueueSpec): string | undefined {
  if (queue.deadLetter) return queue.deadLetter.exchange;
  const policy = effectivePolicy(topology.policies, { kind: "queue", vhost: queue.vhost, name: queue.name, queueType: queue.type }, false);
  const target = policy?.definition["dead-letter-exchange"];
  return typeof target === "string" ? target : undefined;
}

/** Queues a message published to `exchange` may end up in. */
export function queuesReachableFrom(index: TopologyIndex, vhost: string, exchange: string): QueueSpec[] {
  const { topology } = index;
  const seen = new Set<string>();
  const found = new Set<QueueSpec>();
  const pending = [exchange];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    if (seen.has(current)) continue;
    seen.add(current);
    for (const binding of topology.bindings) {
      if (binding.vhost !== vhost || binding.source !== current) continue;
      if (binding.destinationType === "exchange") pending.push(binding.destination);
      else {
        const queue = index.queue(vhost, binding.destination);
        if (queue) found.add(queue);
      }
    }
    const declared = index.exchange(vhost, current);
    const policy = effectivePolicy(topology.policies, { kind: "exchange", vhost, name: current }, false);
    const alternate = declared?.alternateExchange ?? policy?.definition["alternate-exchange"];
    if (typeof alternate === "string") pending.push(alternate);
  }
  return [...found];
}

/** Dead-letter edges between queues, by position in `topology.queues`. */
export function deadLetterEdges(topology: TopologySpec): number[][] {
  const index = new TopologyIndex(topology);
  const position = new Map(topology.queues.map((queue, i) => [queue, i]));
  return topology.queues.map((queue) => {
    const exchange = deadLetterExchangeOf(topology, queue);
    if (exchange === undefined) return [];
    return queuesReachableFrom(index, queue.vhost, exchange).map((target) => position.get(target) ?? -1).filter((i) => i >= 0);
  });
}
