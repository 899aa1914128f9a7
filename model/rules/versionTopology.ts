/**
 * What the RabbitMQ series and cluster size allow in the topology: classic mirroring (ha-*)
 * was removed in 4.0; apply-to by queue type needs 3.12; quorum queues want three nodes; on
 * 4.x quorum queues redeliver at most 20 times unless told otherwise.
 */
import type { ClusterSpec, RabbitSeries, TopologySpec } from "../types";
import { POLICY_KEYS } from "../policyKeys";
import { error, warning, type Finding, type RuleContext } from "./finding";
import { weakMajority } from "./versionCluster";

const QUEUE_TYPE_APPLY_TO = ["classic_queues", "quorum_queues", "streams"];
const BEFORE_3_12: readonly RabbitSeries[] = ["3.10", "3.11"];
const is4 = (version: RabbitSeries): boolean => version.startsWith("4.");

export function checkTopologyVersion(topology: TopologySpec, cluster: ClusterSpec, context: RuleContext): Finding[] {
  const { version } = cluster;
  const nodeCount = cluster.nodes.length;
  const findings: Finding[] = [];
  for (const policy of topology.policies) {
    for (const name of Object.keys(policy.definition)) {
      if (!is4(version) || !POLICY_KEYS[name]?.mirroring) continue;
      findings.push(
        error(
          { ...context.locations.of(policy, "definition", name), atKey: true },
          `"${name}" in policy "${policy.name}" has no effect on RabbitMQ ${version}: classic queue mirroring was removed in 4.0 (use quorum queues; ha-* keys are for 3.x stacks only)`,
        ),
      );
    }
    if (BEFORE_3_12.includes(version) && QUEUE_TYPE_APPLY_TO.includes(policy.applyTo)) {
      findings.push(error(context.locations.of(policy, "applyTo"), `applyTo ${policy.applyTo} needs RabbitMQ 3.12 or later (this stack runs ${version}; allowed: queues, exchanges, all)`));
    }
  }
  for (const queue of topology.queues) {
    if (queue.type !== "quorum" || queue.generatedFor !== undefined) continue;
    const at = (field: string) => context.locations.of(queue, field);
    if (nodeCount < 3) findings.push(warning(at("type"), weakMajority(nodeCount, `queue "${queue.name}" is a quorum queue`)));
    if (queue.initialGroupSize !== undefined && queue.initialGroupSize > nodeCount) {
      findings.push(error(at("initialGroupSize"), `initialGroupSize ${queue.initialGroupSize} is larger than the cluster (${nodeCount} nodes; at most ${nodeCount})`));
    }
    if (queue.deliveryLimit === -1 && !is4(version)) {
      findings.push(error(at("deliveryLimit"), `deliveryLimit -1 on RabbitMQ ${version} (-1 means unlimited on 4.x only; 3.x has no default limit: remove it)`));
    }
    if (queue.retry && queue.deliveryLimit === undefined && is4(version)) {
      findings.push(
        warning(
          at("retry"),
          `quorum queue "${queue.name}" declares a retry but no deliveryLimit: RabbitMQ ${version} defaults it to 20, after which requeued messages are dead-lettered or dropped (set deliveryLimit to make it explicit)`,
        ),
      );
    }
  }
  return findings;
}
