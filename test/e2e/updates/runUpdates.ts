/**
 * The update scenarios: the program run again against the deployed stack's state, with each
 * config change in turn (changes.ts), under load (load/underLoad.ts). Per scenario: the
 * preview's plan (and whether it touches only what the change should), the update applied,
 * the deployment healed, nothing confirmed lost, and the rules of judging.ts (updateChecks.ts):
 * at most one node down at once, a VIP holder throughout, the outage limit of the change's kind.
 */
import { readStackConfig } from "../../../cli/lib/stackConfig";
import { preview, up } from "../../../engine/commands";
import type { UpdateResult } from "../../../engine/deploy/update";
import { planLines, summaryLine } from "../../../engine/plan/render";
import { type CheckResult, expect, runCheck } from "../checks/types";
import type { Deployment } from "../deployment";
import { engineOptions } from "../layout";
import { progress } from "../log";
import { deliveryChecks, type LoadOutcome, scenarioFigures, underLoad } from "../load/underLoad";
import type { UpdateScenarioResult } from "../report";
import { CONFIG_CHANGES, type ConfigChange, type StackConfig } from "./changes";
import { deploymentAfter } from "./deploymentAfter";
import { heldThroughout } from "./judging";
import { updateChecks } from "./updateChecks";

export interface UpdatesOutcome {
  readonly checks: CheckResult[];
  readonly updates: UpdateScenarioResult[];
  /** The deployment as the last update left it (nodes, admin password). */
  readonly deployment: Deployment;
}

/** The stack file's config values, objects parsed (the form the runner's overrides take). */
function baseConfig(projectDir: string, stack: string): StackConfig {
  const { config } = readStackConfig(projectDir, stack);
  return Object.fromEntries(Object.entries(config).map(([key, text]) => [key, parsed(text)]));
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function figures(change: ConfigChange, outcome: LoadOutcome, plan: UpdateResult | undefined): UpdateScenarioResult[] {
  const counts = plan?.counts ?? { create: 0, update: 0, replace: 0, delete: 0 };
  const vip = outcome.vip;
  return outcome.streams.map((s) => ({
    ...scenarioFigures(change.id, outcome, s),
    kind: change.kind,
    planned: { create: counts.create, update: counts.update, replace: counts.replace, delete: counts.delete },
    maxNodesDownAtOnce: outcome.maxNodesDownAtOnce,
    vipHeldThroughout: vip !== undefined && heldThroughout(vip),
    longestVipGapSeconds: (vip?.longestGapMs ?? 0) / 1000,
    vipSamples: vip?.samples ?? 0,
    vipMoves: vip?.moves ?? 0,
    steps: (plan?.steps ?? []).filter((step) => step.kind !== "same").map((step) => `${step.kind} ${step.name} [${step.reasons.join("; ")}]`),
  }));
}

export async function runUpdates(projectDir: string, deployment: Deployment, only?: readonly string[]): Promise<UpdatesOutcome> {
  const checks: CheckResult[] = [];
  const updates: UpdateScenarioResult[] = [];
  let config = baseConfig(projectDir, deployment.stack);
  let current = deployment;
  for (const change of CONFIG_CHANGES) {
    if (only && !only.includes(change.id)) {
      // A developer's selection (npm run e2e -- --updates a,b): what it leaves out is a counted skip.
      checks.push({ name: `update ${change.id}`, status: "skip", detail: "not selected (--updates)", ms: 0 });
      continue;
    }
    if (change.onlyOn && !change.onlyOn.stacks.includes(deployment.stack)) {
      checks.push({ name: `update ${change.id}`, status: "skip", detail: `runs on ${change.onlyOn.stacks.join(", ")} only: ${change.onlyOn.why}`, ms: 0 });
      continue;
    }
    progress(`update ${change.id}: ${change.name}`);
    config = await change.apply(config, current);
    const applying = config;
    const options = engineOptions(projectDir, deployment.stack, applying);
    let plan: UpdateResult | undefined;
    checks.push(
      await runCheck(`update ${change.id}: the plan changes what it should`, async () => {
        plan = await preview({ ...options, log: () => undefined });
        expect(plan.errors.length === 0, plan.errors.join("; "));
        const wrong = change.expectPlan(plan.counts, plan.steps);
        expect(wrong === undefined, `${summaryLine(plan.counts)}: ${wrong}`);
        return `${summaryLine(plan.counts)}${planLines(plan.steps).map((l) => `\n${l.trim()}`).join("")}`;
      }),
    );
    const before = current;
    const apply = async (): Promise<string> => {
      const { applied } = await up({ ...options, log: progress });
      current = deploymentAfter(projectDir, deployment.stack, applying, applied);
      return summaryLine(applied.counts);
    };
    const outcome = await underLoad(before, `update-${change.id}`, `update ${change.id}: pulumi up applies it`, apply, { watchVip: true, after: () => current });
    checks.push(outcome.action, outcome.healed, ...(await deliveryChecks(`update ${change.id}`, outcome)), ...(await updateChecks(change.id, change.kind, outcome, plan?.steps ?? [])));
    const { afterUpdate } = change;
    if (afterUpdate) checks.push(await runCheck(`update ${change.id}: the broker shows the change`, () => afterUpdate(current)));
    updates.push(...figures(change, outcome, plan));
    const vip = outcome.vip;
    progress(
      `  update ${change.id}: longest outage through the VIP ${outcome.longestOutageSeconds}s, at most ${outcome.maxNodesDownAtOnce} node(s) down at once, longest VIP gap ${(vip?.longestGapMs ?? 0) / 1000}s (${vip?.samples ?? 0} samples, ${vip?.moves ?? 0} moves), ${outcome.actionSeconds}s`,
    );
  }
  return { checks, updates, deployment: current };
}
