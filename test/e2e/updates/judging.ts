/**
 * The pass rules of an update scenario beyond delivery (load/underLoad.ts deliveryChecks): how
 * long a new client may be refused through the VIP, how many nodes may be down at once, and
 * that a load balancer held the VIP throughout. Pure: each returns why the rule is broken, or
 * undefined when it holds; a measurement that saw nothing is broken, never a pass.
 */
import type { VipTimeline } from "../load/vipTimeline";

/**
 * What a change rolls, which selects its outage limit:
 * - node: node containers are replaced, one at a time (a client of the stopped node reconnects);
 * - loadBalancer: load-balancer containers are replaced, one at a time (the VIP moves);
 * - topology: broker objects only, through the management API (no container touched);
 * - secret: a credential rotated in place (no container touched).
 */
export const CHANGE_KINDS = ["node", "loadBalancer", "topology", "secret"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * Longest outage (s) a new AMQP client may see through the VIP, by kind (issue 11): a node
 * change costs at most a node's connections while the others answer; a load-balancer change a
 * VIP move; changes that replace no container should cost nothing, and 1 s leaves room only
 * for the handshake probe's own resolution under a loaded 2-CPU host.
 */
export const MAX_OUTAGE_SECONDS: Readonly<Record<ChangeKind, number>> = { node: 5, loadBalancer: 1, topology: 1, secret: 1 };

export const MAX_NODES_DOWN_AT_ONCE = 1;

/**
 * A gap in the VIP's holders up to this long is a handover, not a loss. A clean VRRP handover
 * (the old holder drops the VIP and sends priority 0, the backup takes it at once) shows at most
 * one sample interval of the new holder (load/vipMonitor.ts: ~120 ms idle, measured; a few
 * hundred ms when the 2-CPU host is saturated), while a holder that vanishes without handing
 * over leaves the VIP unheld for the backup's master-down interval, 3 adverts plus skew
 * (about 680-720 ms at 200 ms adverts), or more.
 */
export const VIP_GAP_TOLERANCE_MS = 400;

export function outageProblem(kind: ChangeKind, longestOutageSeconds: number, probeAttempts: number): string | undefined {
  if (probeAttempts === 0) return "the handshake probe made no attempt: nothing was measured";
  const limit = MAX_OUTAGE_SECONDS[kind];
  return longestOutageSeconds < limit ? undefined : `a new AMQP connection through the VIP failed for ${longestOutageSeconds}s (a ${kind} change allows under ${limit}s)`;
}

/**
 * At most one node down at once, measured by samples; when the change replaced or deleted node
 * containers, the monitor must have seen one down (else it did not observe the change).
 */
export function nodesDownProblem(mostDown: number, samples: number, nodesReplaced: number): string | undefined {
  if (samples === 0) return "the nodes-down monitor took no sample: nothing was measured";
  if (mostDown > MAX_NODES_DOWN_AT_ONCE) return `${mostDown} nodes were down at once (at most ${MAX_NODES_DOWN_AT_ONCE} allowed), in ${samples} samples`;
  if (nodesReplaced > 0 && mostDown === 0) return `the plan replaced or deleted ${nodesReplaced} node container(s), yet none of ${samples} samples saw a node down`;
  return undefined;
}

export function vipProblem(timeline: VipTimeline, monitorError: string): string | undefined {
  const error = monitorError === "" ? "" : ` (last monitor error: ${monitorError})`;
  if (timeline.samples === 0) return `the VIP monitor took no sample during the update: nothing was measured${error}`;
  if (!heldThroughout(timeline)) {
    return `no load balancer held the VIP for ${timeline.longestGapMs / 1000}s (a handover allows ${VIP_GAP_TOLERANCE_MS / 1000}s), ${timeline.samples} samples, ${timeline.moves} moves${error}`;
  }
  return undefined;
}

/** True when a gap stays within a handover: what the summary records as `vipHeldThroughout`. */
export function heldThroughout(timeline: VipTimeline): boolean {
  return timeline.samples > 0 && timeline.longestGapMs <= VIP_GAP_TOLERANCE_MS;
}
