/**
 * What the RabbitMQ series allows in the cluster (shared/notes/rabbitmq-facts.md): RAM nodes are
 * deprecated through 4.1 and cannot run on 4.2/4.3; default_queue_type needs 3.13 or 4.x;
 * partition handling is ignored by 4.3 and wrong on two nodes. At least one disc node, always.
 */
import type { ClusterSpec, RabbitSeries } from "../types";
import { error, inStack, warning, type Finding, type RuleContext } from "./finding";

const RAM_REFUSED: Partial<Record<RabbitSeries, string>> = {
  "4.2": "RabbitMQ 4.2 cannot run RAM nodes: with Khepri, the default metadata store of new 4.2 clusters, a RAM node fails to join and ends up standalone",
  "4.3": 'RabbitMQ 4.3 refuses RAM nodes: its config schema accepts only "disc"',
};

/** Official image tags name their series (rabbitmq:3.13-management, rabbitmq:4.1.2): it must match `version`. */
const OFFICIAL_IMAGE = /^(?:docker\.io\/)?(?:library\/)?rabbitmq:(\d+\.\d+)(?:[.-]|$)/;

const DEFAULT_QUEUE_TYPE_SERIES: readonly RabbitSeries[] = ["3.13", "4.0", "4.1", "4.2", "4.3"];

export function checkClusterVersion(cluster: ClusterSpec, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const { version, nodes } = cluster;
  nodes.forEach((node, i) => {
    if (node.type !== "ram") return;
    const refused = RAM_REFUSED[version];
    const where = inStack(context, "cluster", "nodes", i, "type");
    if (refused) findings.push(error(where, `node "${node.hostname}" is a RAM node: ${refused} (allowed: disc)`));
    else findings.push(warning(where, `node "${node.hostname}" is a RAM node: deprecated since 2021 and gone in RabbitMQ 4.2 (disc nodes are the supported choice)`));
  });
  if (!nodes.some((node) => node.type === "disc")) {
    findings.push(error(inStack(context, "cluster", "nodes"), "the cluster has no disc node (at least one: a node restarting syncs its metadata from disc nodes only)"));
  }
  if (cluster.defaultQueueType !== undefined && !DEFAULT_QUEUE_TYPE_SERIES.includes(version)) {
    findings.push(
      error(inStack(context, "cluster", "defaultQueueType"), `defaultQueueType is not supported by RabbitMQ ${version} (default_queue_type needs 3.13 or 4.x; set type per queue instead)`),
    );
  }
  if (cluster.partitionHandling !== undefined) {
    const where = inStack(context, "cluster", "partitionHandling");
    if (nodes.length === 2) {
      findings.push(error(where, `partitionHandling ${cluster.partitionHandling} on two nodes (a split leaves two halves of one node each, neither a majority; use three or more nodes, or remove it)`));
    }
    if (version === "4.3") {
      findings.push(error(where, `partitionHandling ${cluster.partitionHandling} on RabbitMQ 4.3 (4.3 accepts cluster_partition_handling but ignores it; remove it)`));
    }
  }
  const imageSeries = OFFICIAL_IMAGE.exec(cluster.image)?.[1];
  if (imageSeries !== undefined && imageSeries !== version) {
    findings.push(
      error(inStack(context, "cluster", "image"), `image ${cluster.image} runs RabbitMQ ${imageSeries} but version is "${version}" (use rabbitmq:${version}-management, or set version to "${imageSeries}")`),
    );
  }
  if (cluster.defaultQueueType === "quorum" && nodes.length < 3) {
    findings.push(warning(inStack(context, "cluster", "defaultQueueType"), weakMajority(nodes.length, "queues declared without a type are quorum queues")));
  }
  return findings;
}

/** Quorum queues on fewer than three nodes: losing one node loses the majority. */
export function weakMajority(nodeCount: number, what: string): string {
  return `${what} but the cluster has ${nodeCount} node${nodeCount === 1 ? "" : "s"} (a quorum queue needs three or more nodes so that a majority survives the loss of one)`;
}
