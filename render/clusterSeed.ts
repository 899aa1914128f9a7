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

/**
 * The order nodes are created in and replaced in, one at a time: the seed, then the others in
 * the stack's order (infra/cluster/rabbitCluster.ts says why the seed is first in both).
 */
export function rollingOrder(nodes: readonly ClusterNodeSpec[]): ClusterNodeSpec[] {
  const { seed, others } = seedFirst(nodes);
  return [seed, ...others];
}

export function isSeed(nodes: readonly ClusterNodeSpec[], node: ClusterNodeSpec): boolean {
  return seedFirst(nodes).seed.hostname === node.hostname;
}

/**
 * The classic_config list, the same on every node: the seed first, then the others in model
 * order. The order is for the reader only (3.x sorts the list, 4.x ranks the reachable nodes
 * by cluster size and age).
 */
export function discoveryPeers(nodes: readonly ClusterNodeSpec[]): ClusterNodeSpec[] {
  return rollingOrder(nodes);
}

export interface DiscoveryRetries {
  /** cluster_formation.discovery_retry_limit */
  readonly limit: number;
  /** cluster_formation.discovery_retry_interval, ms */
  readonly intervalMs: number;
}

/**
 * What the seed retries, at most. On a first deploy it boots while no listed peer exists yet
 * (the others start once it is healthy), and a virgin node whose listed peers do not answer
 * retries before it boots alone: 3.x until it reaches one of them, 3.13+ until it reaches two
 * listed nodes, itself included (`target_cluster_size_hint` cannot lower that: the list's
 * length wins). Reaching an absent peer fails after about 3 s on a Docker bridge (ARP gives
 * up). Measured rounds: 6 s on 3.10 (peers tried one after the other), 8-9 s on 4.3 (which also
 * starts a temporary hidden Erlang node); the stack's 30 rounds kept the seed in discovery for
 * 227 s (3.10) and 291 s (4.3). Limit 1 is the least RabbitMQ accepts: 3.x tries once (and
 * spends 3 s each taking and releasing its startup lock on the listed nodes), 4.x twice; the
 * seed then listens 12-16 s later than with a list of itself alone. The interval only adds to
 * that, hence short. Restarts with data skip discovery, so a restarted seed is not slowed.
 */
export const SEED_DISCOVERY: DiscoveryRetries = { limit: 1, intervalMs: 100 };

/** The seed's bounded retries, or the stack's for every other node (they start once the seed is up). */
export function discoveryRetries(cluster: ClusterSpec, node: ClusterNodeSpec): DiscoveryRetries {
  const stack = { limit: cluster.discoveryRetryLimit, intervalMs: cluster.discoveryRetryIntervalMs };
  if (!isSeed(cluster.nodes, node)) return stack;
  return { limit: Math.min(stack.limit, SEED_DISCOVERY.limit), intervalMs: Math.min(stack.intervalMs, SEED_DISCOVERY.intervalMs) };
}
