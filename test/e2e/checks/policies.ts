/**
 * Every queue runs under the policy and operator policy the model says win for it (highest
 * priority among those whose pattern and apply-to match). A policy created at the same moment
 * as a queue can miss it: this is where that shows.
 */
import type { PolicySpec, QueueSpec, RabbitSeries } from "../../../model/types";
import { winningPolicy } from "../../../model/rules/policyMatch";
import { Check, expect } from "./types";
import type { Deployment } from "../deployment";
import { management, seg } from "../../../engine/providers/rabbitmq/http";
import { sleep } from "../log";

interface ApiQueue {
  readonly policy?: string | null;
  readonly operator_policy?: string | null;
}

/**
 * The winning policy's name, "" for none, undefined when two share the top priority (broker's
 * choice). The rule (pattern, apply-to, priority, policies a queue type skips) is the model's.
 */
export function expectedPolicy(policies: readonly PolicySpec[], queue: QueueSpec, operator: boolean, version: RabbitSeries): string | undefined {
  const { policy, tie } = winningPolicy(policies, { kind: "queue", vhost: queue.vhost, name: queue.name, queueType: queue.type, version }, operator);
  return tie ? undefined : (policy?.name ?? "");
}

/** Queues whose live policy or operator policy differs from the model's prediction. */
async function policyProblems(deployment: Deployment): Promise<{ problems: string[]; governed: number }> {
  const { queues, policies } = deployment.model.topology;
  const problems: string[] = [];
  let governed = 0;
  for (const queue of queues) {
    // One queue at a time: 4.x's queue list leaves the policy names out.
    const path = `/api/queues/${seg(queue.vhost)}/${seg(queue.name)}`;
    const found = (await management(deployment.management, "GET", path)).body as ApiQueue;
    for (const operator of [false, true]) {
      const wanted = expectedPolicy(policies, queue, operator, deployment.model.cluster.version);
      const actual = (operator ? found.operator_policy : found.policy) ?? "";
      if (wanted === undefined) continue;
      if (wanted !== "") governed++;
      if (actual !== wanted) problems.push(`${queue.vhost}/${queue.name} ${operator ? "operator policy" : "policy"} is "${actual}", want "${wanted}"`);
    }
  }
  return { problems, governed };
}

/** The broker applies a new policy to existing queues asynchronously: allow it a moment. */
const SETTLE_MS = 15_000;

export const effectivePolicies: Check = {
  name: "every queue runs under the policy and operator policy the model predicts",
  run: async (deployment: Deployment) => {
    const started = Date.now();
    let result = await policyProblems(deployment);
    while (result.problems.length > 0 && Date.now() - started < SETTLE_MS) {
      await sleep(1_000);
      result = await policyProblems(deployment);
    }
    expect(result.problems.length === 0, `after ${SETTLE_MS / 1000}s: ${result.problems.join("; ")}`);
    return `${result.governed} queue/policy pairs as predicted (after ${((Date.now() - started) / 1000).toFixed(1)}s)`;
  },
};
