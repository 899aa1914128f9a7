/**
 * Unique names: vhosts and users in the stack; exchanges, queues and policies per vhost (operator
 * policies have their own namespace); no binding twice; one grant per user and vhost. Objects of
 * every file of the stack share these namespaces, so the message says where the first one is.
 */
import type { TopologySpec } from "../types";
import type { PathSegment } from "../source/yamlSource";
import { error, type Finding, type RuleContext } from "./finding";

interface Keyed {
  readonly object: object;
  readonly key: string;
  readonly field: PathSegment[];
  readonly label: string;
}

function duplicates(items: readonly Keyed[], context: RuleContext, scope: string): Finding[] {
  const first = new Map<string, Keyed>();
  const findings: Finding[] = [];
  for (const item of items) {
    const earlier = first.get(item.key);
    if (!earlier) {
      first.set(item.key, item);
      continue;
    }
    const where = context.cite(context.locations.of(earlier.object, ...earlier.field));
    findings.push(error(context.locations.of(item.object, ...item.field), `duplicate ${item.label} (first declared at ${where}; ${scope})`));
  }
  return findings;
}

export function checkUniqueness(topology: TopologySpec, context: RuleContext): Finding[] {
  const named = (kind: string, objects: readonly { name: string; vhost: string }[]): Keyed[] =>
    objects.map((object) => ({ object, key: `${object.vhost}\u0000${object.name}`, field: ["name"], label: `${kind} "${object.name}" in vhost "${object.vhost}"` }));
  return [
    ...duplicates(
      topology.vhosts.map((object) => ({ object, key: object.name, field: ["name"], label: `vhost "${object.name}"` })),
      context,
      "vhost names are unique in the stack",
    ),
    ...duplicates(named("exchange", topology.exchanges), context, "exchange names are unique per vhost"),
    ...duplicates(named("queue", topology.queues), context, "queue names are unique per vhost"),
    ...duplicates(named("policy", topology.policies.filter((policy) => !policy.operator)), context, "policy names are unique per vhost"),
    ...duplicates(
      named("operator policy", topology.policies.filter((policy) => policy.operator)),
      context,
      "operator policy names are unique per vhost",
    ),
    ...duplicates(
      topology.users.map((object) => ({ object, key: object.name, field: ["name"], label: `user "${object.name}"` })),
      context,
      "user names are unique in the stack",
    ),
    ...duplicates(
      topology.bindings.map((object) => ({
        object,
        key: JSON.stringify([object.vhost, object.source, object.destinationType, object.destination, object.routingKey, sortedEntries(object.arguments)]),
        field: [],
        label: `binding ${object.source} -> ${object.destination} with routing key "${object.routingKey}" in vhost "${object.vhost}"`,
      })),
      context,
      "a binding is declared once",
    ),
    ...topology.users.flatMap((user) =>
      duplicates(
        user.grants.map((grant, index) => ({ object: user, key: grant.vhost, field: ["permissions", index, "vhost"], label: `permissions for vhost "${grant.vhost}"` })),
        context,
        `one permissions entry per vhost for user "${user.name}"`,
      ),
    ),
  ];
}

function sortedEntries(record: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
