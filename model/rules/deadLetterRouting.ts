/**
 * Dead letters that no binding of their dead-letter exchange matches are dropped. Refused when
 * the config decides it, a warning when it cannot (a headers exchange, topic patterns, keys that
 * came through a fanout exchange).
 *
 * The key a dead letter is republished with: the queue's dead-letter routing key (argument, else
 * policy); without one, RabbitMQ keeps the routing keys the message was published with (not the
 * queue's name). Those are known only from the bindings that route INTO the queue: a direct
 * binding's key exactly, a topic binding's pattern (a set of keys: decidable only against a "#"
 * binding or the same pattern), nothing through a fanout or headers exchange (routing.ts).
 * A queue nothing is bound to receives nothing through the config: nothing to check.
 */
import type { PolicySpec, RabbitSeries, TopologySpec } from "../types";
import { error, warning, type Finding, type RuleContext } from "./finding";
import { effectivePolicy } from "./policyMatch";
import { exchangeType, keysInto, route, type Keys } from "./routing";
import { TopologyIndex } from "./topologyIndex";

export function checkDeadLetterRouting(topology: TopologySpec, version: RabbitSeries | undefined, context: RuleContext): Finding[] {
  const index = new TopologyIndex(topology);
  return topology.queues.flatMap((queue) => {
    const target = { kind: "queue" as const, vhost: queue.vhost, name: queue.name, queueType: queue.type, version };
    const policy = effectivePolicy(topology.policies, target, false);
    const exchange = queue.deadLetter?.exchange ?? text(policy, "dead-letter-exchange");
    if (exchange === undefined || exchangeType(index, queue.vhost, exchange) === undefined) return []; // none, or a reference error
    const routingKey = queue.deadLetter?.routingKey ?? text(policy, "dead-letter-routing-key");
    const keys: Keys[] = routingKey !== undefined ? [{ kind: "exact", key: routingKey }] : keysInto(index, queue);
    const verdicts = keys.map((key) => ({ key, verdict: route(index, queue.vhost, exchange, key, version) }));
    const dropped = verdicts.filter((v) => v.verdict === "dropped").map((v) => v.key);
    const unknown = verdicts.filter((v) => v.verdict === "unknown").map((v) => v.key);
    if (dropped.length === 0 && unknown.length === 0) return [];
    const where = queue.deadLetter ? context.locations.of(queue, "deadLetter", "exchange") : context.locations.of(queue);
    const source = queue.deadLetter ? "" : ` (set by policy "${policy?.name}")`;
    const exchangeText = `dead-letter exchange "${exchange}"${source} (${exchangeType(index, queue.vhost, exchange)})`;
    const keyText = (list: Keys[]) => describeKeys(list, routingKey !== undefined);
    if (dropped.length > 0) {
      return [error(where, `dead letters of queue "${queue.name}" are dropped: ${exchangeText} has no binding for ${keyText(dropped)} (bind a queue to it for that key, or set deadLetter.routingKey to a key it routes)`)];
    }
    return [
      warning(
        where,
        `dead letters of queue "${queue.name}" may be dropped: whether ${exchangeText} routes ${keyText(unknown)} cannot be decided from the config (bind a queue to it for every key, e.g. a fanout exchange or "#" on a topic exchange, or set deadLetter.routingKey)`,
      ),
    ];
  });
}

function text(policy: PolicySpec | undefined, key: string): string | undefined {
  const value = policy?.definition[key];
  return typeof value === "string" ? value : undefined;
}

function describeKeys(keys: readonly Keys[], ownKey: boolean): string {
  const parts = keys.map((key) => {
    if (key.kind === "exact") return `"${key.key}"`;
    if (key.kind === "pattern") return `any key matching "${key.pattern}"`;
    return `any key published to ${key.via}`;
  });
  if (ownKey) return `routing key ${parts.join(", ")}`;
  const plural = keys.length > 1 || keys[0]?.kind !== "exact" ? "s" : "";
  return `the routing key${plural} they were published with (${parts.join(", ")})`;
}
