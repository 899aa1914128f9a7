/** Lookups by vhost and name over a topology, shared by the reference and cycle rules. */
import type { ExchangeSpec, QueueSpec, TopologySpec } from "../types";

/** Exchanges every vhost has; they may be referenced (bound from), never declared. */
export const BUILTIN_EXCHANGES = ["amq.direct", "amq.fanout", "amq.topic", "amq.headers", "amq.match"] as const;

const keyOf = (vhost: string, name: string): string => `${vhost}\u0000${name}`;

export class TopologyIndex {
  readonly vhosts: ReadonlySet<string>;
  private readonly exchanges = new Map<string, ExchangeSpec>();
  private readonly queues = new Map<string, QueueSpec>();

  constructor(readonly topology: TopologySpec) {
    this.vhosts = new Set(topology.vhosts.map((vhost) => vhost.name));
    for (const exchange of topology.exchanges) if (!this.exchanges.has(keyOf(exchange.vhost, exchange.name))) this.exchanges.set(keyOf(exchange.vhost, exchange.name), exchange);
    for (const queue of topology.queues) if (!this.queues.has(keyOf(queue.vhost, queue.name))) this.queues.set(keyOf(queue.vhost, queue.name), queue);
  }

  exchange(vhost: string, name: string): ExchangeSpec | undefined {
    return this.exchanges.get(keyOf(vhost, name));
  }

  queue(vhost: string, name: string): QueueSpec | undefined {
    return this.queues.get(keyOf(vhost, name));
  }

  /** Declared or built-in. */
  hasExchange(vhost: string, name: string): boolean {
    return this.exchanges.has(keyOf(vhost, name)) || (BUILTIN_EXCHANGES as readonly string[]).includes(name);
  }

  exchangeNames(vhost: string): string[] {
    return this.topology.exchanges.filter((exchange) => exchange.vhost === vhost).map((exchange) => exchange.name);
  }

  queueNames(vhost: string): string[] {
    return this.topology.queues.filter((queue) => queue.vhost === vhost).map((queue) => queue.name);
  }
}

/** "(declared there: A, B)" or "(none declared there)", capped so a big vhost stays readable. */
export function declaredHint(kind: string, names: readonly string[], scope = " there"): string {
  if (names.length === 0) return `no ${kind} is declared${scope}`;
  const shown = names.slice(0, 8).join(", ");
  return `declared ${kind}s${scope}: ${shown}${names.length > 8 ? `, ... (${names.length} in all)` : ""}`;
}
