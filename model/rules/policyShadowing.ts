/**
 * Only one policy (and one operator policy) applies to an object. When several match a declared
 * queue or exchange, the lower-priority ones are silently not applied to it: a warning naming
 * both policies and the objects. With equal top priorities RabbitMQ picks one arbitrarily: an error.
 */
import type { TopologySpec } from "../types";
import { error, warning, type Finding, type RuleContext } from "./finding";
import { matchingPolicies, type PolicyTarget } from "./policyMatch";

export function checkPolicyShadowing(topology: TopologySpec, context: RuleContext): Finding[] {
  const targets: PolicyTarget[] = [
    ...topology.queues.map((queue) => ({ kind: "queue" as const, vhost: queue.vhost, name: queue.name, queueType: queue.type })),
    ...topology.exchanges.map((exchange) => ({ kind: "exchange" as const, vhost: exchange.vhost, name: exchange.name })),
  ];
  // Grouped per pair of policies, so a catch-all policy gives one line, not one per queue.
  const pairs = new Map<string, { loser: (typeof topology.policies)[number]; winner: (typeof topology.policies)[number]; tie: boolean; objects: string[] }>();
  for (const operator of [false, true]) {
    for (const target of targets) {
      const [winner, ...others] = matchingPolicies(topology.policies, target, operator);
      if (!winner) continue;
      for (const loser of others) {
        const key = `${topology.policies.indexOf(loser)}:${topology.policies.indexOf(winner)}`;
        const pair = pairs.get(key) ?? { loser, winner, tie: loser.priority === winner.priority, objects: [] };
        pair.objects.push(`${target.kind} "${target.name}"`);
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()].map(({ loser, winner, tie, objects }) => {
    const kind = loser.operator ? "operator policy" : "policy";
    const what = objects.join(", ");
    if (tie) {
      return error(
        context.locations.of(loser, "priority"),
        `${kind} "${loser.name}" and ${kind} "${winner.name}" both match ${what} with priority ${loser.priority} (RabbitMQ applies one of them arbitrarily; give them different priorities or patterns)`,
      );
    }
    return warning(
      context.locations.of(loser, "pattern"),
      `${kind} "${loser.name}" (priority ${loser.priority}) is not applied to ${what}: ${kind} "${winner.name}" (priority ${winner.priority}) also matches and wins (only one ${kind} applies per object)`,
    );
  });
}
