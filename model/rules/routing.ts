/**
 * What an exchange does with a routing key, as far as the config decides it: "routed" (some
 * binding, followed through exchange-to-exchange bindings and alternate exchanges, reaches a
 * queue), "dropped" (nothing can match) or "unknown" (it depends on what was published: the keys
 * sent through a fanout or headers exchange, a topic pattern, message headers).
 */
import type { BindingSpec, ExchangeType, QueueSpec, RabbitSeries } from "../types";
import { effectivePolicy } from "./policyMatch";
import type { TopologyIndex } from "./topologyIndex";

/** One routing key, a topic pattern standing for every key it matches, or any key at all. */
export type Keys = { readonly kind: "exact"; readonly key: string } | { readonly kind: "pattern"; readonly pattern: string } | { readonly kind: "any"; readonly via: string };
export type Verdict = "routed" | "unknown" | "dropped";

const RANK: Readonly<Record<Verdict, number>> = { dropped: 0, unknown: 1, routed: 2 };
const best = (a: Verdict, b: Verdict): Verdict => (RANK[a] >= RANK[b] ? a : b);
const BUILTIN_TYPES: Readonly<Record<string, ExchangeType>> = { "amq.direct": "direct", "amq.topic": "topic", "amq.fanout": "fanout", "amq.headers": "headers", "amq.match": "headers" };

export function exchangeType(index: TopologyIndex, vhost: string, name: string): ExchangeType | undefined {
  return index.exchange(vhost, name)?.type ?? BUILTIN_TYPES[name];
}

/** AMQP topic matching: words separated by dots, `*` exactly one word, `#` zero or more. */
export function topicMatches(pattern: string, key: string): boolean {
  const match = (p: readonly string[], k: readonly string[]): boolean => {
    if (p.length === 0) return k.length === 0;
    const [head, ...rest] = p;
    if (head === "#") return match(rest, k) || (k.length > 0 && match(p, k.slice(1)));
    return k.length > 0 && (head === "*" || head === k[0]) && match(rest, k.slice(1));
  };
  return match(pattern.split("."), key.split("."));
}

/**
 * The keys of the messages a queue receives through its bindings: a direct binding's key; a topic
 * binding's pattern (one exact key when it has no wildcard); anything through a fanout or headers
 * exchange, which pass the publisher's key on unread. Publishing straight to the queue through the
 * default exchange is left out: the users this config declares may not write to it.
 */
export function keysInto(index: TopologyIndex, queue: QueueSpec): Keys[] {
  const keys = index.topology.bindings
    .filter((b) => b.vhost === queue.vhost && b.destinationType === "queue" && b.destination === queue.name)
    .map((b): Keys => {
      const type = exchangeType(index, b.vhost, b.source);
      if (type === "direct" || (type === "topic" && !/(^|\.)[*#](\.|$)/.test(b.routingKey))) return { kind: "exact", key: b.routingKey };
      if (type === "topic") return { kind: "pattern", pattern: b.routingKey };
      return { kind: "any", via: `${type ?? "unknown"} exchange "${b.source}"` };
    });
  return [...new Map(keys.map((k) => [JSON.stringify(k.kind === "any" ? { kind: "any" } : k), k])).values()];
}

/** Where `keys` published to `exchange` end up. */
export function route(index: TopologyIndex, vhost: string, exchange: string, keys: Keys, version?: RabbitSeries, seen: ReadonlySet<string> = new Set()): Verdict {
  const type = exchangeType(index, vhost, exchange);
  if (type === undefined || seen.has(exchange)) return type === undefined ? "unknown" : "dropped";
  const inside = new Set([...seen, exchange]);
  let verdict: Verdict = "dropped";
  for (const binding of index.topology.bindings) {
    if (binding.vhost !== vhost || binding.source !== exchange) continue;
    const matched = bindingMatches(type, binding, keys);
    if (matched === "dropped") continue;
    const reached = binding.destinationType === "queue" ? "routed" : route(index, vhost, binding.destination, keys, version, inside);
    verdict = best(verdict, matched === "unknown" && reached === "routed" ? "unknown" : reached);
  }
  if (verdict === "routed") return verdict;
  const policy = effectivePolicy(index.topology.policies, { kind: "exchange", vhost, name: exchange, version }, false);
  const alternate = index.exchange(vhost, exchange)?.alternateExchange ?? policy?.definition["alternate-exchange"];
  return typeof alternate === "string" ? best(verdict, route(index, vhost, alternate, keys, version, inside)) : verdict;
}

function bindingMatches(type: ExchangeType, binding: BindingSpec, keys: Keys): Verdict {
  switch (type) {
    case "fanout":
      return "routed";
    case "headers": {
      // Without header arguments, x-match all matches every message and any matches none.
      const headers = Object.keys(binding.arguments).filter((name) => name !== "x-match");
      if (headers.length > 0) return "unknown";
      return String(binding.arguments["x-match"] ?? "all").startsWith("any") ? "dropped" : "routed";
    }
    case "direct":
      return keys.kind === "exact" ? (binding.routingKey === keys.key ? "routed" : "dropped") : "unknown";
    case "topic":
      if (keys.kind === "exact") return topicMatches(binding.routingKey, keys.key) ? "routed" : "dropped";
      if (binding.routingKey === "#" || (keys.kind === "pattern" && binding.routingKey === keys.pattern)) return "routed";
      return "unknown";
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}
