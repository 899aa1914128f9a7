/**
 * A check is a named async function that returns a one-line detail when it passes and throws
 * (with the reason) when it fails. The runner times it and records the result.
 */
import type { Deployment } from "../deployment";
import { elapsedSince, progress } from "../log";

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly ms: number;
}

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
    result = { name, ok: true, detail: await work(), ms: Date.now() - started };
  } catch (error) {
    result = { name, ok: false, detail: (error as Error).message, ms: Date.now() - started };
  }
  progress(`  ${result.ok ? "ok  " : "FAIL"} ${name} (${elapsedSince(started)}s): ${result.detail}`);
  return result;
}

export async function runChecks(deployment: Deployment, checks: readonly Check[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) results.push(await runCheck(check.name, () => check.run(deployment)));
  return results;
}
