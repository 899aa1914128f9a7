/**
 * The probe's result for people (an aligned table and a verdict line) and for CI (JSON).
 * Plain text, no colours: it ends up in CI logs as often as on a terminal.
 */
import { tally } from "./check";
import type { CheckStatus, VerifyResult } from "./types";

const LABEL: Readonly<Record<CheckStatus, string>> = { pass: "PASS", warn: "WARN", fail: "FAIL", skip: "SKIP" };
const HEADER = { name: "CHECK", result: "RESULT", ms: "MS", detail: "DETAIL" };

export function formatTable(result: VerifyResult): string {
  const rows = result.checks.map((check) => ({
    name: check.name,
    result: LABEL[check.status],
    ms: String(check.ms),
    detail: check.detail,
  }));
  const all = [HEADER, ...rows];
  const width = (key: "name" | "result" | "ms") => Math.max(...all.map((row) => row[key].length));
  const [name, status, ms] = [width("name"), width("result"), width("ms")];
  const lines = all.map((row) =>
    `${row.name.padEnd(name)}  ${row.result.padEnd(status)}  ${row.ms.padStart(ms)}  ${row.detail}`.trimEnd(),
  );
  return [...lines, "", ...skippedLines(result), verdict(result)].join("\n");
}

/** One line per skipped check with its reason: a skip is not a pass, and the reader should see why. */
export function skippedLines(result: VerifyResult): string[] {
  return result.checks.filter((check) => check.status === "skip").map((check) => `skipped: ${check.name}: ${check.detail}`);
}

export function verdict(result: VerifyResult): string {
  const { pass, warn, fail, skip } = tally(result.checks);
  const counts = `${pass} passed, ${warn} degraded, ${fail} failed, ${skip} skipped`;
  if (result.aborted !== undefined) return `${counts}: ABORTED: ${result.aborted}`;
  if (!result.ok) return `${counts}: FAILED`;
  return `${counts}: ${result.degraded ? "OK, DEGRADED" : "OK"}`;
}

export function formatJson(result: VerifyResult): string {
  return JSON.stringify(result, null, 2);
}
