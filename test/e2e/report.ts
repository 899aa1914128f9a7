/**
 * The suite's result: per layout, every check (the only thing that passes, fails or skips), the
 * fault scenarios' and update scenarios' figures. Printed as a table and written to
 * e2e-summary.json, which scripts/test-all.sh counts with `tally`, the same count printed here.
 */
import { writeFileSync } from "node:fs";
import type { CheckResult, Verdict } from "./checks/types";
import { LABEL } from "./checks/types";

export interface ScenarioResult {
  readonly name: string;
  readonly sent: number;
  readonly confirmed: number;
  /** Confirmed after the fault or update began: the publisher kept working through it. */
  readonly confirmedDuringAction: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly reconnects: number;
  readonly seconds: number;
  /** Longest time a new AMQP connection through the VIP could not be opened. */
  readonly longestOutageSeconds: number;
}

export interface PlannedCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
}

/** A second `pulumi up` with changed (or unchanged) config, applied under confirmed publishing. */
export interface UpdateScenarioResult extends ScenarioResult {
  /** What the change rolls (updates/judging.ts ChangeKind): selects its outage limit. */
  readonly kind: string;
  readonly planned: PlannedCounts;
  /** Most node containers not running and healthy at one moment during the update. */
  readonly maxNodesDownAtOnce: number;
  /** A load balancer held the VIP from the update's start to its end (gaps up to a handover). */
  readonly vipHeldThroughout: boolean;
  /** Longest stretch of the update in which no load balancer held the VIP. */
  readonly longestVipGapSeconds: number;
  /** VIP-holder samples taken during the update (every container, ~10 per second each). */
  readonly vipSamples: number;
  /** How often the VIP went from one load balancer to the other. */
  readonly vipMoves: number;
  /** Resources the update replaced, updated, created or deleted, with why. */
  readonly steps: readonly string[];
}

export interface LayoutResult {
  readonly stack: string;
  readonly checks: readonly CheckResult[];
  readonly scenarios: readonly ScenarioResult[];
  readonly updates: readonly UpdateScenarioResult[];
}

export interface Summary {
  readonly layouts: readonly LayoutResult[];
}

export interface Tally {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** One line per failed or skipped check, with its reason. */
  readonly failures: readonly string[];
  readonly skips: readonly string[];
}

/** The one count of a summary: each check once, by its verdict. */
export function tally(summary: { layouts: readonly { stack: string; checks: readonly { name: string; status: Verdict; detail: string }[] }[] }): Tally {
  const of = (status: Verdict) => summary.layouts.flatMap((l) => l.checks.filter((c) => c.status === status).map((c) => `${l.stack}: ${c.name}: ${c.detail.split("\n")[0]?.slice(0, 300)}`));
  const failures = of("fail");
  const skips = of("skip");
  return { passed: of("pass").length, failed: failures.length, skipped: skips.length, failures, skips };
}

export function writeSummary(path: string, summary: Summary): void {
  writeFileSync(path, `${JSON.stringify(summary, null, 2)}\n`);
}

const pad = (text: string | number, width: number): string => String(text).padEnd(width);
const right = (text: string | number, width: number): string => String(text).padStart(width);

export function summaryTable(summary: Summary): string {
  const lines: string[] = [];
  const header = `${pad("layout", 12)} ${pad("step", 58)} ${right("s", 6)} ${right("sent", 6)} ${right("conf", 6)} ${right("lost", 5)} ${right("dup", 5)} ${right("outage", 7)} ${right("down", 4)} ${right("vipgap", 6)}`;
  lines.push(header, "-".repeat(header.length));
  for (const layout of summary.layouts) {
    for (const check of layout.checks) {
      lines.push(`${pad(layout.stack, 12)} ${pad(`${LABEL[check.status]} ${check.name}`.slice(0, 58), 58)} ${right((check.ms / 1000).toFixed(1), 6)}`);
    }
    const figures = (kind: string, s: ScenarioResult, down = "", vipGap = "") =>
      `${pad(layout.stack, 12)} ${pad(`${kind} ${s.name}`.slice(0, 58), 58)} ${right(s.seconds.toFixed(1), 6)} ${right(s.sent, 6)} ${right(s.confirmed, 6)} ${right(s.lost, 5)} ${right(s.duplicated, 5)} ${right(s.longestOutageSeconds.toFixed(2), 7)} ${right(down, 4)} ${right(vipGap, 6)}`;
    for (const s of layout.scenarios) lines.push(figures("fault ", s));
    for (const u of layout.updates) lines.push(figures("update", u, String(u.maxNodesDownAtOnce), u.longestVipGapSeconds.toFixed(2)));
  }
  const t = tally(summary);
  lines.push("-".repeat(header.length), `e2e: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  return lines.join("\n");
}
