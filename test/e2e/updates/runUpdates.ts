/**
 * The update scenarios: the program run again against the deployed stack's state, with each
 * config change in turn (changes.ts), under load (load/underLoad.ts). Per scenario: the
 * preview's plan (and whether it touches only what the change should), the update applied,
 * the deployment healed, nothing confirmed lost; the longest outage a new client sees through
 * the VIP and the most nodes down at once are recorded for every change.
 */
import { readStackConfig } from "../../../cli/lib/stackConfig";
import { preview, up } from "../../../engine/commands";
import type { UpdateResult } from "../../../engine/deploy/update";
import { planLines, summaryLine } from "../../../engine/plan/render";
import { type CheckResult, expect, runCheck } from "../checks/types";
import { adoptAdminPassword, type Deployment } from "../deployment";
import { engineOptions } from "../layout";
import { progress } from "../log";
import { deliveryChecks, scenarioFigures, underLoad } from "../load/underLoad";
import type { UpdateScenarioResult } from "../report";
import { CONFIG_CHANGES, type StackConfig } from "./changes";

export interface UpdatesOutcome {
  readonly checks: CheckResult[];
  readonly updates: UpdateScenarioResult[];
}

/**
 * A delivery check that failed only because confirmed messages were lost, on a change whose loss
 * is known (changes.ts knownLoss), becomes a skip carrying the reason and the figures: counted
 * and listed apart, never a pass. Any other failure (unconfirmed, no traffic) stays a failure.
 */
export function asKnownLoss(check: CheckResult, knownLoss: string | undefined): CheckResult {
  if (knownLoss === undefined || check.status !== "fail" || !LOSS.test(check.detail)) return check;
  return { ...check, status: "skip", detail: `${knownLoss}: ${check.detail}` };
}

const LOSS = /^\d+ of \d+ confirmed messages lost/;

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

export async function runUpdates(projectDir: string, deployment: Deployment, only?: readonly string[]): Promise<UpdatesOutcome> {
  const checks: CheckResult[] = [];
  const updates: UpdateScenarioResult[] = [];
  let config = baseConfig(projectDir, deployment.stack);
  for (const change of CONFIG_CHANGES) {
    if (only && !only.includes(change.id)) {
      // A developer's selection (npm run e2e -- --updates a,b): what it leaves out is a counted skip.
      checks.push({ name: `update ${change.id}`, status: "skip", detail: "not selected (--updates)", ms: 0 });
      continue;
    }
    progress(`update ${change.id}: ${change.name}`);
    config = await change.apply(config, deployment);
    const options = engineOptions(projectDir, deployment.stack, config);
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
    const outcome = await underLoad(deployment, `update-${change.id}`, `update ${change.id}: pulumi up applies it`, async () => {
      const { applied } = await up({ ...options, log: progress });
      adoptAdminPassword(deployment, applied.state.resources);
      return summaryLine(applied.counts);
    });
    const delivery = await deliveryChecks(`update ${change.id}`, outcome);
    checks.push(outcome.action, outcome.healed, ...delivery.map((check) => asKnownLoss(check, change.knownLoss)));
    const { afterUpdate } = change;
    if (afterUpdate) checks.push(await runCheck(`update ${change.id}: the broker shows the change`, () => afterUpdate(deployment)));
    const counts = plan?.counts ?? { create: 0, update: 0, replace: 0, delete: 0 };
    for (const s of outcome.streams) {
      updates.push({
        ...scenarioFigures(change.id, outcome, s),
        planned: { create: counts.create, update: counts.update, replace: counts.replace, delete: counts.delete },
        maxNodesDownAtOnce: outcome.maxNodesDownAtOnce,
        steps: (plan?.steps ?? []).filter((step) => step.kind !== "same").map((step) => `${step.kind} ${step.name} [${step.reasons.join("; ")}]`),
      });
    }
    progress(`  update ${change.id}: longest outage through the VIP ${outcome.longestOutageSeconds}s, at most ${outcome.maxNodesDownAtOnce} node(s) down at once, ${outcome.actionSeconds}s`);
  }
  return { checks, updates };
}
