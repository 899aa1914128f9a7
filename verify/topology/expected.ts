/**
 * What the broker should hold for each declared object, in the shape the management API shows
 * it. Built from the same functions the Topology component declares with, so the probe checks
 * what was really sent, not a second reading of the config:
 * - queue arguments: infra/topology/queueArguments.ts (numbers stay numbers via argumentsJson);
 * - policy definitions: infra/topology/policyDefinition.ts, then what terraform-provider-rabbitmq's
 *   putPolicy does before the PUT: integer-looking strings become integers, and for
 *   `ha-mode: nodes` the comma-joined `ha-params` becomes a list again.
 */
import { policyDefinition } from "../../infra/topology/policyDefinition";
import { queueArguments } from "../../infra/topology/queueArguments";
import type { ExchangeSpec, PolicySpec, QueueSpec } from "../../model/types";

export interface ExpectedObject {
  /** vhost/name, as differences are reported. */
  readonly id: string;
  /** Scalar properties by the management API's field name (type, durable, auto_delete, ...). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Declare-time arguments, or a policy's definition. */
  readonly arguments: Readonly<Record<string, unknown>>;
}

export function expectedQueue(q: QueueSpec): ExpectedObject {
  // x-queue-type is checked through the `type` field: 3.13+ adds the argument to queues
  // declared without it, so its presence says nothing the type does not.
  const { "x-queue-type": _type, ...args } = queueArguments(q);
  return {
    id: `${q.vhost}/${q.name}`,
    fields: { type: q.type, durable: q.durable, auto_delete: q.autoDelete },
    arguments: args,
  };
}

export function expectedExchange(x: ExchangeSpec): ExpectedObject {
  return {
    id: `${x.vhost}/${x.name}`,
    fields: { type: x.type, durable: x.durable, auto_delete: x.autoDelete, internal: x.internal },
    arguments: x.alternateExchange === undefined || !x.settingsAsArguments ? {} : { "alternate-exchange": x.alternateExchange },
  };
}

export function expectedPolicy(p: PolicySpec): ExpectedObject {
  const sent = policyDefinition(p.definition);
  const definition = Object.fromEntries(
    Object.entries(sent).map(([key, value]) => {
      if (!p.operator && key === "ha-params" && sent["ha-mode"] === "nodes") return [key, value.split(",")];
      return [key, /^[+-]?\d+$/.test(value) ? Number(value) : value];
    }),
  );
  return {
    id: `${p.vhost}/${p.name}${p.operator ? " (operator policy)" : ""}`,
    fields: { pattern: p.pattern, "apply-to": p.applyTo, priority: p.priority },
    arguments: definition,
  };
}
