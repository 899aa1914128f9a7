import type { ClusterNodeSpec, ClusterSpec } from "../model/types";

/**
 * The node that seeds the cluster, then the rest. A node that finds no peer boots alone as a
 * disc node, so the seed must be a disc node started before anyone else (a RAM node first
 * would become a standalone disc node). The first disc node of the model is the seed.
 */
export function seedFirst(nodes: readonly ClusterNodeSpec[]): { seed: ClusterNodeSpec; others: ClusterNodeSpec[] } {
  const seed = nodes.find((n) => n.type === "disc");
  if (seed === undefined) throw new Error("the cluster has no disc node (allowed: at least one; the first disc node seeds the cluster)");
  return { seed, others: nodes.filter((n) => n !== seed) };
}

export function isSeed(nodes: readonly ClusterNodeSpec[], node: ClusterNodeSpec): boolean {
  return seedFirst(nodes).seed.hostname === node.hostname;
}

/**
 * The classic_config list, the same on every node: the seed first, then the others in model
 * order. The order is for the reader only (3.x sorts the list, 4.x ranks the reachable nodes
 * by cluster size and age). A seed that lists everyone also finds the running cluster when it
 * boots again without its data, instead of founding a second cluster of its own.
 */
export function discoveryPeers(nodes: readonly ClusterNodeSpec[]): ClusterNodeSpec[] {
  const { seed, others } = seedFirst(nodes);
  return [seed, ...others];
}

export interface DiscoveryRetries {
  /** cluster_formation.discovery_retry_limit */
  readonly limit: number;
  /** cluster_formation.discovery_retry_interval, ms */
  readonly intervalMs: number;
}

/**
 * What the seed retries, at most. On a first deploy it boots while no listed peer exists yet
 * (the others start once it is healthy), and a virgin node with unreachable peers retries
 * before it boots alone: 3.x until it reaches one of them, 3.13+ until it reaches at least two
 * listed nodes (itself included; `target_cluster_size_hint` cannot lower that, the list length
 * wins). Each round waits for connections to the absent peers to fail (about 3 s each on a
 * Docker bridge: ARP gives up), so the stack's 30 rounds kept a seed in discovery for about
 * 4 minutes on 3.10 and 4.3 alike. With limit 1, 3.x tries once and 4.x twice, then boots.
 * A running cluster answers on the first try, so a seed rebuilt without its data still joins
 * it. Restarts with data skip discovery altogether.
 */
export const SEED_DISCOVERY: DiscoveryRetries = { limit: 1, intervalMs: 100 };

/** The seed's bounded retries, or the stack's for every other node (they start once the seed is up). */
export function discoveryRetries(cluster: ClusterSpec, node: ClusterNodeSpec): DiscoveryRetries {
  const stack = { limit: cluster.discoveryRetryLimit, intervalMs: cluster.discoveryRetryIntervalMs };
  if (!isSeed(cluster.nodes, node)) return stack;
  return { limit: Math.min(stack.limit, SEED_DISCOVERY.limit), intervalMs: Math.min(stack.intervalMs, SEED_DISCOVERY.intervalMs) };
}
