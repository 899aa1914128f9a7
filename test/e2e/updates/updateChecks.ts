/**
 * The checks an update scenario is judged by besides delivery (load/underLoad.ts
 * deliveryChecks): nodes down at once, the VIP's holder, the longest outage through the VIP,
 * each by the pure rules of judging.ts, so each fails when its measurement saw nothing.
 */
import type { Step } from "../../../engine/types";
import { type CheckResult, expect, runCheck } from "../checks/types";
import type { LoadOutcome } from "../load/underLoad";
import { isNodeContainer } from "./planRules";
import { type ChangeKind, MAX_NODES_DOWN_AT_ONCE, MAX_OUTAGE_SECONDS, nodesDownProblem, outageProblem, vipProblem } from "./judging";

function judged(name: string, problem: string | undefined, figures: string): Promise<CheckResult> {
  return runCheck(name, async () => {
    expect(problem === undefined, problem ?? "");
    return figures;
  });
}

/** Node containers the plan replaces or deletes: each must show up as a node down. */
export function nodesRolled(steps: readonly Step[]): number {
  return steps.filter((s) => isNodeContainer(s) && (s.kind === "replace" || s.kind === "delete")).length;
}

export async function updateChecks(id: string, kind: ChangeKind, outcome: LoadOutcome, plannedSteps: readonly Step[]): Promise<CheckResult[]> {
  const vip = outcome.vip;
  const limit = MAX_OUTAGE_SECONDS[kind];
  return [
    await judged(
      `update ${id}: at most ${MAX_NODES_DOWN_AT_ONCE} node down at once`,
      nodesDownProblem(outcome.maxNodesDownAtOnce, outcome.nodesDownSamples, nodesRolled(plannedSteps)),
      `at most ${outcome.maxNodesDownAtOnce} down, in ${outcome.nodesDownSamples} samples`,
    ),
    await judged(
      `update ${id}: the VIP had a holder throughout`,
      vip ? vipProblem(vip, vip.monitorError) : "the VIP was not watched",
      vip ? `longest gap ${vip.longestGapMs / 1000}s, ${vip.samples} samples, ${vip.moves} moves, at most ${vip.mostHoldersAtOnce} holder(s) at once` : "",
    ),
    await judged(
      `update ${id}: longest outage through the VIP < ${limit}s (${kind} change)`,
      outageProblem(kind, outcome.longestOutageSeconds, outcome.probeAttempts),
      `${outcome.longestOutageSeconds}s, ${outcome.probeAttempts} handshakes tried`,
    ),
  ];
}
