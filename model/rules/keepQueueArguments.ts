/**
 * `rabbitmq-ha:topology.keepQueueArguments` names queues whose settings stay x-arguments: each
 * entry must be "*" or a queue some topology file declares (a typo would silently move that
 * queue's settings to a policy, which replaces a queue deployed with them as arguments).
 * Generated policies must not collide with declared ones: their name prefix is reserved.
 */
import type { TopologySpec } from "../types";
import { SETTINGS_POLICY_PREFIX } from "../derive/settingsPolicies";
import { error, inStack, type Finding, type RuleContext } from "./finding";

export function checkKeepQueueArguments(topology: TopologySpec, keep: readonly string[], context: RuleContext): Finding[] {
  const declared = new Set(topology.queues.map((queue) => queue.name));
  const unknown = keep.flatMap((name, i) =>
    name === "*" || declared.has(name)
      ? []
      : [error(inStack(context, "topology", "keepQueueArguments", i), `queue "${name}" is not declared in any topology file of this stack ("*" or the name of a declared queue)`)],
  );
  const reserved = topology.policies
    .filter((policy) => policy.generatedFor === undefined && policy.name.startsWith(SETTINGS_POLICY_PREFIX))
    .map((policy) =>
      error(context.locations.of(policy, "name"), `policy name "${policy.name}" starts with "${SETTINGS_POLICY_PREFIX}" (reserved for the policies that apply queues' own settings; choose another name)`),
    );
  return [...unknown, ...reserved];
}
