/**
 * The suite's result: per layout, every check and every fault scenario with its message
 * accounting. Printed as a table and written to e2e-summary.json, which scripts/test-all.sh reads.
 */
import { writeFileSync } from "node:fs";
import type { CheckResult } from "./checks/types";

export interface ScenarioResult {
  readonly name: string;
  readonly sent: number;
  readonly confirmed: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly seconds: number;
  readonly failoverSeconds: number;
}

export interface LayoutResult {
  readonly stack: string;
  readonly checks: readonly CheckResult[];
  readonly scenarios: readonly ScenarioResult[];
}

export interface Summary {
  readonly layouts: readonly LayoutResult[];
}

export function failures(summary: Summary): string[] {
  return summary.layouts.flatMap((layout) => [
    ...layout.checks.filter((check) => !check.ok).map((check) => `${layout.stack}: ${check.name}: ${check.detail}`),
    ...layout.scenarios.filter((s) => s.lost > 0).map((s) => `${layout.stack}: ${s.name}: ${s.lost} confirmed messages lost`),
  ]);
}

export function writeSummary(path: string, summary: Summary): void {
  writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`);
}

const pad = (text: string | number, width: number): string => String(text).padEnd(width);
const right = (text: string | number, width: number): string => String(text).padStart(width);

export function summaryTable(summary: Summary): string {
  const lines: string[] = [];
  const header = `${pad("layout", 12)} ${pad("step", 58)} ${right("s", 6)} ${right("sent", 6)} ${right("conf", 6)} ${right("lost", 5)} ${right("dup", 5)} ${right("failover", 8)}`;
  lines.push(header, "-".repeat(header.length));
  for (const layout of summary.layouts) {
    for (const check of layout.checks) {
      const step = `${check.ok ? "ok  " : "FAIL"} ${check.name}`.slice(0, 58);
      lines.push(`${pad(layout.stack, 12)} ${pad(step, 58)} ${right((check.ms / 1000).toFixed(1), 6)}`);
    }
    for (const s of layout.scenarios) {
      const step = `${s.lost > 0 ? "LOSS" : "    "} ${s.name}`.slice(0, 58);
      lines.push(
        `${pad(layout.stack, 12)} ${pad(step, 58)} ${right(s.seconds.toFixed(1), 6)} ${right(s.sent, 6)} ${right(s.confirmed, 6)} ${right(s.lost, 5)} ${right(s.duplicated, 5)} ${right(s.failoverSeconds.toFixed(2), 8)}`,
      );
    }
  }
  const checks = summary.layouts.flatMap((layout) => layout.checks);
  const failed = checks.filter((check) => !check.ok).length;
  lines.push("-".repeat(header.length), `e2e: ${checks.length - failed} passed, ${failed} failed`);
  return lines.join("\n");
}
