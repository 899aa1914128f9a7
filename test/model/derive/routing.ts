/**
 * A model of how the broker routes and dead-letters, enough to follow a message through the
 * topology in tests: direct, fanout and topic exchanges, and a queue's dead-letter target.
 */
import type { TopologySpec } from "../../../model/types";

function topicMatches(pattern: string, key: string): boolean {
  const match = (p: string[], k: string[]): boolean => {
    if (p.length === 0) return k.length === 0;
    const [head, ...rest] = p;
    if (head === "#") return match(rest, k) || (k.length > 0 && match(p, k.slice(1)));
    return k.length > 0 && (head === "*" || head === k[0]) && match(rest, k.slice(1));
  };
  return match(pattern.split("."), key.split("."));
}

/** Queues a message published to `exchange` with `routingKey` lands in (alternate exchanges and exchange-to-exchange bindings are not followed). */
export function route(t: TopologySpec, vhost: string, exchange: string, routingKey: string): string[] {
  const x = t.exchanges.find((e) => e.vhost === vhost && e.name === exchange);
  if (!x) throw new Error(`no exchange ${exchange} in ${vhost}`);
  const matches = (bindingKey: string) =>
    x.type === "fanout" || (x.type === "direct" && bindingKey === routingKey) || (x.type === "topic" && topicMatches(bindingKey, routingKey));
  return t.bindings
    .filter((b) => b.vhost === vhost && b.source === exchange && b.destinationType === "queue" && matches(b.routingKey))
    .map((b) => b.destination)
    .sort();
}

/** Where a message dead-lettered by `queueName` (rejected or expired) goes next. */
export function deadLetter(t: TopologySpec, vhost: string, queueName: string, routingKey: string): string[] {
  const q = t.queues.find((x) => x.vhost === vhost && x.name === queueName);
  if (!q?.deadLetter) return [];
  return route(t, vhost, q.deadLetter.exchange, q.deadLetter.routingKey ?? routingKey);
}
