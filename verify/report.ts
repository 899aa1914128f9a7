/**
 * The probe's result for people (an aligned table and a verdict line) and for CI (JSON).
 * Plain text, no colours: it ends up in CI logs as often as on a terminal.
 */
import type { CheckResult, CheckStatus, VerifyResult } from "./types";

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
  return [...lines, "", verdict(result)].join("\n");
}

export function verdict(result: VerifyResult): string {
  const count = (status: CheckStatus) => result.checks.filter((check: CheckResult) => check.status === status).length;
  const counts = `${count("pass")} passed, ${count("warn")} degraded, ${count("fail")} failed, ${count("skip")} skipped`;
  if (result.aborted !== undefined) return `${counts}: ABORTED: ${result.aborted}`;
  if (!result.ok) return `${counts}: FAILED`;
  return `${counts}: ${result.degraded ? "OK, DEGRADED" : "OK"}`;
}

export function formatJson(result: VerifyResult): string {
  return JSON.stringify(result, null, 2);
}
