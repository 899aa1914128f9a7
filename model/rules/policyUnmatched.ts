/**
 * A policy that applies to no declared queue or exchange: a warning, since it may be meant for
 * objects applications declare themselves, but usually its pattern, apply-to or vhost is wrong.
 * Applying means what RabbitMQ does (policyMatch.ts): pattern, apply-to and the keys the queue's
 * type supports; a quorum queue skips a mirror policy, so the message says so when that is why.
 */
import type { PolicySpec, RabbitSeries, TopologySpec } from "../types";
import { warning, type Finding, type RuleContext } from "./finding";
import { appliesTo, compilePattern, supportsPolicy, unsupportedPolicyKeys, type PolicyTarget } from "./policyMatch";

export function checkPolicyUnmatched(topology: TopologySpec, version: RabbitSeries | undefined, context: RuleContext): Finding[] {
  const targets: PolicyTarget[] = [
    ...topology.queues.map((queue) => ({ kind: "queue" as const, vhost: queue.vhost, name: queue.name, queueType: queue.type, version })),
    ...topology.exchanges.map((exchange) => ({ kind: "exchange" as const, vhost: exchange.vhost, name: exchange.name })),
  ];
  return topology.policies.flatMap((policy) => {
    const pattern = compilePattern(policy.pattern);
    if (!pattern) return []; // the schema reported it
    const matched = targets.filter((target) => target.vhost === policy.vhost && appliesTo(policy, target) && pattern.test(target.name));
    if (matched.some((target) => supportsPolicy(policy, target))) return [];
    const kind = policy.operator ? "operator policy" : "policy";
    return [warning(context.locations.of(policy, "pattern"), `${kind} "${policy.name}" applies to no queue or exchange declared in vhost "${policy.vhost}"${skipped(policy, matched)} (it only affects objects declared elsewhere; check pattern ${policy.pattern} and applyTo ${policy.applyTo})`)];
  });
}

/** ": the quorum queues it matches skip it (they do not support ha-mode)". */
function skipped(policy: PolicySpec, matched: readonly PolicyTarget[]): string {
  if (matched.length === 0) return "";
  const types = [...new Set(matched.map((target) => target.queueType))];
  const keys = types.flatMap((type) => (type ? unsupportedPolicyKeys(type, matched[0]?.version) : [])).filter((key) => key in policy.definition);
  return `: the ${types.join(" and ")} queues it matches skip it (they do not support ${[...new Set(keys)].join(", ")})`;
}
