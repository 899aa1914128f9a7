/**
 * Counts behind the closing line of `npm run test:all` (scripts/test-all.sh).
 *
 *   tsx scripts/count-results.ts vitest FILE   vitest's JSON report
 *   tsx scripts/count-results.ts e2e FILE      the end-to-end suite's e2e-summary.json
 *
 * Prints "PASSED FAILED SKIPPED" on the first line, then one line per failure naming it.
 * Exits 2 (printing why) when the file is missing or not in the expected shape, so the caller
 * counts a failure instead of trusting numbers that are not there.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { z } from "zod";

export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly string[];
}

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number().default(0),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().default(""),
      assertionResults: z.array(z.object({ fullName: z.string(), status: z.string() })),
    }),
  ),
});

/** Every failed test counts once; a file that failed without a failed test (it did not load) too. */
export function countVitest(report: z.infer<typeof vitestReport>, root: string): Counts {
  const failures: string[] = [];
  for (const file of report.testResults) {
    const path = relative(root, file.name);
    const failedTests = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failedTests) failures.push(`unit: ${path} > ${test.fullName}`);
    if (file.status === "failed" && failedTests.length === 0) {
      failures.push(`unit: ${path}: ${firstLine(file.message) || "failed"}`);
    }
  }
  return {
    passed: report.numPassedTests,
    failed: Math.max(report.numFailedTests, failures.length),
    skipped: report.numPendingTests + report.numTodoTests,
    failures,
  };
}

const e2eSummary = z.object({
  layouts: z.array(
    z.object({
      stack: z.string(),
      checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string().default("") })),
      scenarios: z.array(z.object({ name: z.string(), lost: z.number() })),
    }),
  ),
});

/** One line per failure keeps the list readable; the e2e log has the full detail. */
const firstLine = (text: string): string => (text.split("\n")[0] ?? "").slice(0, 300);

/** A check passes when ok; a fault scenario passes when no confirmed message was lost. */
export function countE2e(summary: z.infer<typeof e2eSummary>): Counts {
  const failures: string[] = [];
  let passed = 0;
  for (const layout of summary.layouts) {
    for (const check of layout.checks) {
      if (check.ok) passed += 1;
      else failures.push(`e2e ${layout.stack}: ${check.name}: ${firstLine(check.detail)}`);
    }
    for (const scenario of layout.scenarios) {
      if (scenario.lost === 0) passed += 1;
      else failures.push(`e2e ${layout.stack}: scenario ${scenario.name}: ${scenario.lost} confirmed messages lost`);
    }
  }
  return { passed, failed: failures.length, skipped: 0, failures };
}

function main(kind: string | undefined, file: string | undefined): number {
  if (!file || (kind !== "vitest" && kind !== "e2e")) {
    console.log("usage: count-results.ts vitest|e2e FILE");
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.log(`${file}: ${(error as Error).message}`);
    return 2;
  }
  const parsed = kind === "vitest" ? vitestReport.safeParse(json) : e2eSummary.safeParse(json);
  if (!parsed.success) {
    console.log(`${file}: not a ${kind} report: ${parsed.error.issues[0]?.message ?? "bad shape"}`);
    return 2;
  }
  const counts =
    kind === "vitest"
      ? countVitest(parsed.data as z.infer<typeof vitestReport>, process.cwd())
      : countE2e(parsed.data as z.infer<typeof e2eSummary>);
  console.log(`${counts.passed} ${counts.failed} ${counts.skipped}`);
  for (const failure of counts.failures) console.log(failure);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv[2], process.argv[3]);
