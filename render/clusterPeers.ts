/**
 * How a node finds its peers, kept apart from rabbitmq.conf so that adding or removing a node
 * changes nothing an existing node must restart for (issue 11, item 4):
 *  - the classic_config peer list is its own conf.d file: RabbitMQ reads it only on a node's
 *    first boot (an empty data directory), so existing nodes keep theirs (the component ignores
 *    changes to it) and only a new node gets the current list;
 *  - peers on the same Docker host are resolved by Docker's embedded DNS (each node's network
 *    alias is its hostname), so only peers on other Docker hosts need /etc/hosts entries.
 */
import type { ClusterNodeSpec, ClusterSpec } from "../model/types";
import { discoveryPeers } from "./clusterSeed";
import { erlangNodeName } from "./format";
import { renderTemplate } from "./template";

/** After the image's files and ours (50-, 60-): the keys are disjoint, so the order only keeps upload order sorted. */
export const PEERS_CONF_PATH = "/etc/rabbitmq/conf.d/70-rabbitmq-ha-peers.conf";

export function renderPeersConf(cluster: ClusterSpec, stack: string): string {
  const peers = discoveryPeers(cluster.nodes).map((n, i) => ({ index: i + 1, name: erlangNodeName(n.hostname) }));
  return renderTemplate("rabbitmq-peers.conf", { stack, peers });
}

export interface HostEntry {
  readonly host: string;
  readonly ip: string;
}

/**
 * /etc/hosts entries of one node: its peers on other Docker hosts only (Docker's DNS answers
 * for the ones on its own network). A node added on another Docker host therefore rewrites the
 * hosts of the nodes on the other hosts (they roll, one at a time); on one host it rewrites none.
 */
export function peerHostEntries(cluster: ClusterSpec, node: ClusterNodeSpec): HostEntry[] {
  // Host networking: no Docker DNS at all, and the node's own name must resolve to its LAN
  // address (the CLI tools reach rabbit@<hostname> there): every node, itself included.
  if (cluster.networkMode === "host") return cluster.nodes.map((n) => ({ host: n.hostname, ip: n.address }));
  return cluster.nodes.filter((n) => n.host !== node.host).map((n) => ({ host: n.hostname, ip: n.address }));
}
