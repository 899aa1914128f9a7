/**
 * A check is a named async function that returns a one-line detail when it passes and throws
 * (with the reason) when it fails. The runner times it and records the result.
 */
import type { Deployment } from "../deployment";
import { elapsedSince, progress } from "../log";

/**
 * The one definition of a check's outcome: it passed, it failed, or it could not run and says why
 * (a skip is never a pass; scripts/test-all.sh counts it apart). Scenario records (fault and
 * update) carry figures only: each is judged by the checks named after it.
 */
export type Verdict = "pass" | "fail" | "skip";

export interface CheckResult {
  readonly name: string;
  readonly status: Verdict;
  readonly detail: string;
  readonly ms: number;
}

/** Thrown by a check that could not run: recorded as a skip with its reason. */
export class CheckSkipped extends Error {}

export interface Check {
  readonly name: string;
  readonly run: (deployment: Deployment) => Promise<string>;
}

export class CheckFailure extends Error {}

export function expect(condition: boolean, reason: string): asserts condition {
  if (!condition) throw new CheckFailure(reason);
}

export async function runCheck(name: string, work: () => Promise<string>): Promise<CheckResult> {
  const started = Date.now();
  let result: CheckResult;
  try {
    result = { name, status: "pass", detail: await work(), ms: Date.now() - started };
  } catch (error) {
    result = { name, status: error instanceof CheckSkipped ? "skip" : "fail", detail: (error as Error).message, ms: Date.now() - started };
  }
  progress(`  ${LABEL[result.status]} ${name} (${elapsedSince(started)}s): ${result.detail}`);
  return result;
}

export const LABEL: Readonly<Record<Verdict, string>> = { pass: "ok  ", fail: "FAIL", skip: "SKIP" };

export async function runChecks(deployment: Deployment, checks: readonly Check[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runCheck(check.name, () => check.run(deployment)));
  return results;
}
