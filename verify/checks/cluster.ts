/**
 * Cluster membership, node types, alarms and partitions from one read of /api/nodes. A node
 * reports its alarms and partitions only with its first metrics, a few seconds after it boots
 * (seen on 3.10 and 4.3): the read waits for them, within the check's time, so a probe run right
 * after a deploy or a restart judges real values.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Model } from "../../model/types";
import { CHECK, type PlannedCheck } from "../check";
import { alarmsOutcome, expectedNodes, membershipOutcome, nodeTypesOutcome, partitionsOutcome, unreported } from "../cluster/evaluate";
import type { HttpTarget } from "../http";
import { management, type ApiNode } from "../management";

const POLL_INTERVAL_MS = 1000;

/** /api/nodes once every running node has reported its metrics, or as it is when time is up. */
async function readReportedNodes(api: HttpTarget, withinMs: number): Promise<ApiNode[]> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const nodes = await management.nodes(api);
    if (unreported(nodes).length === 0 || Date.now() + POLL_INTERVAL_MS > deadline) return nodes;
    await sleep(POLL_INTERVAL_MS);
  }
}

export function clusterChecks(api: HttpTarget, model: Model | undefined): PlannedCheck[] {
  let nodes: Promise<ApiNode[]> | undefined;
  // The first check pays for the request (and the wait); the others judge the same answer.
  const read = () => (nodes ??= readReportedNodes(api, api.timeoutMs - POLL_INTERVAL_MS));
  const expected = model === undefined ? undefined : expectedNodes(model);
  return [
    { name: CHECK.membership, run: async () => membershipOutcome(await read(), expected) },
    { name: CHECK.nodeTypes, run: async () => nodeTypesOutcome(await read(), expected) },
    { name: CHECK.alarms, run: async () => alarmsOutcome(await read()) },
    { name: CHECK.partitions, run: async () => partitionsOutcome(await read()) },
  ];
}
