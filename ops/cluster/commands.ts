/**
 * The RabbitMQ CLI commands a rolling change runs, per series. Pure: which command, with which
 * arguments, and what it proves; ops/cluster/nodeGates.ts runs them (docker exec) in order.
 * Checked present in both e2e images (`rabbitmq-upgrade help`, `rabbitmq-queues help`):
 * 3.10.8 has await_online_quorum_plus_one, await_online_synchronized_mirror, drain, revive,
 * grow and shrink; 4.3.6 has the same except await_online_synchronized_mirror (classic mirroring
 * was removed in 4.0, so there is nothing to wait for).
 */
import type { RabbitSeries } from "../../model/types";

export interface CliCommand {
  /** What passing proves, for logs and for the error when it does not pass. */
  readonly what: string;
  readonly argv: readonly string[];
}

/** `--node` when the command targets a node other than the container it runs in. */
function nodeOption(target: string | undefined): string[] {
  return target === undefined ? [] : ["--node", target];
}

const hasClassicMirroring = (version: RabbitSeries): boolean => version.startsWith("3.");

/**
 * What must hold before a node stops: no resource alarm anywhere in the cluster (a node going
 * away under an alarm loses the publishers it blocks), every quorum queue keeps a majority
 * without it (await_online_quorum_plus_one), and on 3.x every classic mirrored queue it leads
 * has a synchronised mirror to promote (await_online_synchronized_mirror). `timeoutSeconds` is
 * the CLI's own wait for each await.
 */
export function canLoseNode(version: RabbitSeries, timeoutSeconds: number, target?: string): CliCommand[] {
  const wait = ["--timeout", String(timeoutSeconds)];
  const name = target ?? "this node";
  return [
    { what: "no resource alarm in the cluster", argv: ["rabbitmq-diagnostics", "-q", ...nodeOption(target), "check_alarms"] },
    {
      what: `every quorum queue keeps a majority online without ${name}`,
      argv: ["rabbitmq-upgrade", "-q", ...nodeOption(target), ...wait, "await_online_quorum_plus_one"],
    },
    ...(hasClassicMirroring(version)
      ? [
          {
            what: `every classic mirrored queue on ${name} has a synchronised mirror online elsewhere`,
            argv: ["rabbitmq-upgrade", "-q", ...nodeOption(target), ...wait, "await_online_synchronized_mirror"],
          },
        ]
      : []),
  ];
}

/** Maintenance mode: closes client connections and listeners, moves queue leaders away. */
export function drain(target?: string): CliCommand {
  return { what: `${target ?? "this node"} drained (maintenance mode)`, argv: ["rabbitmq-upgrade", "-q", ...nodeOption(target), "drain"] };
}

/** Back to regular operation (a node that came back still in maintenance mode serves nobody). */
export function revive(): CliCommand {
  return { what: "this node revived from maintenance mode", argv: ["rabbitmq-upgrade", "-q", "revive"] };
}

/** The cluster as this node sees it: members, running nodes, partitions, alarms (JSON). */
export function clusterStatus(): CliCommand {
  return { what: "cluster status", argv: ["rabbitmq-diagnostics", "-q", "cluster_status", "--formatter", "json"] };
}

/** A quorum queue member on `node` for every quorum queue that lacks one (a no-op where all have it). */
export function growQuorumQueues(node: string): CliCommand {
  return { what: `quorum queues grown onto ${node}`, argv: ["rabbitmq-queues", "-q", "grow", node, "all"] };
}

/** Every quorum queue member on `node` removed (run on another member, before `node` goes). */
export function shrinkQuorumQueues(node: string): CliCommand {
  return { what: `quorum queue members on ${node} removed`, argv: ["rabbitmq-queues", "-q", "shrink", node] };
}

/** The cluster forgets a stopped member (run on a remaining member, after `node` is gone). */
export function forgetNode(node: string): CliCommand {
  return { what: `${node} removed from the cluster`, argv: ["rabbitmqctl", "-q", "forget_cluster_node", node] };
}
