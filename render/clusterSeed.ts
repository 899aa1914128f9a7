import type { ClusterNodeSpec } from "../model/types";

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
 * The peers a node's classic_config lists. The seed lists only itself, so it boots at once:
 * since RabbitMQ 3.13, a node whose list names several nodes waits until it reaches at least
 * two of them, retrying discovery_retry_limit times (each round starts a temporary Erlang VM),
 * before it gives up and boots alone; with the other nodes gated on the seed's health that
 * would cost minutes on every first deploy. Every other node lists the seed first and all
 * nodes, so it finds the healthy seed (and any sibling already up) and joins it.
 */
export function discoveryPeers(nodes: readonly ClusterNodeSpec[], node: ClusterNodeSpec): ClusterNodeSpec[] {
  const { seed, others } = seedFirst(nodes);
  return node.hostname === seed.hostname ? [seed] : [seed, ...others];
}
