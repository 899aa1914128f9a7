/**
 * The one way a check runs: timed, bounded by a timeout, and any thrown error turned into a
 * failed result with a one-line reason, so no check can crash the probe or print a stack.
 */
import { performance } from "node:perf_hooks";
import { describeError } from "./errors";
import type { CheckResult, CheckStatus } from "./types";

/** Stable check names: the end-to-end suite and CI scripts look results up by them. */
export const CHECK = {
  management: "management api",
  connect: "amqp connect",
  delivery: (queueType: string) => `delivery (${queueType})`,
  mandatoryReturn: "mandatory return",
  alternateExchange: "alternate exchange",
  deadLetter: "dead letter",
  queues: "topology: queues",
  exchanges: "topology: exchanges",
  policies: "topology: policies",
  membership: "cluster: membership",
  nodeTypes: "cluster: node types",
  alarms: "cluster: alarms",
  partitions: "cluster: partitions",
  vipHolder: "haproxy: vip holder",
  backends: "haproxy: backends",
  instances: "haproxy: instances",
  cleanup: "cleanup",
} as const;

export interface Outcome {
  readonly status: CheckStatus;
  readonly detail: string;
}

/** A check not yet run: the orchestrator runs each through runCheck, in order. */
export interface PlannedCheck {
  readonly name: string;
  readonly run: () => Promise<Outcome>;
}

export const pass = (detail: string): Outcome => ({ status: "pass", detail });
export const warn = (detail: string): Outcome => ({ status: "warn", detail });
export const fail = (detail: string): Outcome => ({ status: "fail", detail });
/** Nothing to check with: `reason` says what was missing (a skip never counts as a pass). */
export const skip = (reason: string): Outcome => {
  if (reason.trim() === "") throw new Error("a skipped check must say why");
  return { status: "skip", detail: reason };
};

/** How many checks ended each way: the one place statuses are counted (a skip apart, never a pass). */
export function tally(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const check of checks) counts[check.status]++;
  return counts;
}

function toResult(name: string, outcome: Outcome, ms: number): CheckResult {
  return { name, status: outcome.status, ok: outcome.status !== "fail", detail: outcome.detail, ms: Math.round(ms) };
}

/**
 * Runs one check within its budget: it fails at `timeoutMs` whatever it is waiting for, and at
 * once when `signal` aborts (the probe was interrupted), so the run can go on to its cleanup.
 */
export async function runCheck(name: string, timeoutMs: number, body: () => Promise<Outcome>, signal?: AbortSignal): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve(fail(`no result within ${timeoutMs} ms`)), timeoutMs);
  });
  const interrupted = new Promise<Outcome>((resolve) => {
    onAbort = () => resolve(fail(`interrupted (${String(signal?.reason ?? "aborted")})`));
    if (signal?.aborted === true) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([body(), timeout, interrupted]);
    return toResult(name, outcome, performance.now() - started);
  } catch (error) {
    return toResult(name, fail(describeError(error)), performance.now() - started);
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
  }
}
