/**
 * `rabbitmq-ha:topology.keepQueueArguments` and `keepExchangeArguments` name the queues and
 * exchanges whose settings stay x-arguments: each entry must be "*" or an object some topology
 * file declares (a typo would silently move that object's settings to a policy, which replaces a
 * queue deployed with them as arguments). Generated policies must not collide with declared
 * ones: their name prefix is reserved.
 */
import type { TopologySpec } from "../types";
import { GENERATED_POLICY_PREFIX } from "../derive/settingsPolicies";
import { error, inStack, type Finding, type RuleContext } from "./finding";

export function checkKeepQueueArguments(topology: TopologySpec, keep: readonly string[], context: RuleContext, keepExchanges: readonly string[] = []): Finding[] {
  const reserved = topology.policies
    .filter((policy) => policy.generatedFor === undefined && policy.name.startsWith(GENERATED_POLICY_PREFIX))
    .map((policy) =>
      error(
        context.locations.of(policy, "name"),
        `policy name "${policy.name}" starts with "${GENERATED_POLICY_PREFIX}" (reserved for the policies that apply queues' and exchanges' own settings; choose another name)`,
      ),
    );
  return [
    ...unknownNames("queue", topology.queues, keep, "keepQueueArguments", context),
    ...unknownNames("exchange", topology.exchanges, keepExchanges, "keepExchangeArguments", context),
    ...reserved,
  ];
}

function unknownNames(kind: string, objects: readonly { readonly name: string }[], keep: readonly string[], key: string, context: RuleContext): Finding[] {
  const declared = new Set(objects.map((object) => object.name));
  return keep.flatMap((name, i) =>
    name === "*" || declared.has(name)
      ? []
      : [error(inStack(context, "topology", key, i), `${kind} "${name}" is not declared in any topology file of this stack ("*" or the name of a declared ${kind})`)],
  );
}
