/**
 * Naming conventions (the seed's XXX_VHOST / XXX_EXCHANGE / XXX_QUEUE by default):
 * names match the stack's patterns, start with their file's system, never take the reserved
 * `amq.` prefix, and exchanges and queues contain no `/` (the provider's ids would break).
 * The policy pack (policy/) reuses `checkName` for resources declared outside our config.
 */
import type { NamingRules, TopologySpec } from "../types";
import { error, type Finding, type RuleContext } from "./finding";

export type NamedKind = "vhost" | "exchange" | "queue" | "user";

/** The pattern as written, anchored whether or not the user anchored it. */
export function namePattern(source: string): RegExp {
  return new RegExp(`^(?:${source})$`);
}

/**
 * Problems with one name, as messages; `system` undefined skips the prefix rule (objects
 * declared outside a topology file have no system).
 */
export function checkName(kind: NamedKind, name: string, naming: NamingRules, system?: string): string[] {
  const problems: string[] = [];
  if (kind !== "user" && name.startsWith("amq.")) {
    problems.push(`${kind} name "${name}" starts with "amq." (reserved for RabbitMQ's built-in objects)`);
  }
  if ((kind === "exchange" || kind === "queue") && name.includes("/")) {
    problems.push(`${kind} name "${name}" contains "/" (not allowed: resource ids are name@vhost and binding ids use "/")`);
  }
  if (!namePattern(naming[kind]).test(name)) {
    problems.push(`${kind} name "${name}" does not follow the naming convention (must match ${naming[kind]})`);
  }
  if (system !== undefined && kind !== "user" && naming.requireSystemPrefix && !name.startsWith(`${system}_`)) {
    problems.push(`${kind} name "${name}" does not start with "${system}_" (objects start with their file's system; requireSystemPrefix)`);
  }
  return problems;
}

export function checkNaming(topology: TopologySpec, naming: NamingRules, context: RuleContext): Finding[] {
  const named: [NamedKind, readonly { name: string; origin: { system: string } }[]][] = [
    ["vhost", topology.vhosts],
    ["exchange", topology.exchanges],
    ["queue", topology.queues],
    ["user", topology.users],
  ];
  return named.flatMap(([kind, objects]) =>
    objects.flatMap((object) =>
      checkName(kind, object.name, naming, object.origin.system).map((message) => error(context.locations.of(object, "name"), message)),
    ),
  );
}
