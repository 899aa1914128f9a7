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
import { tally } from "../test/e2e/report";

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

/** One line per failure keeps the list readable; the log has the full detail. */
const firstLine = (text: string): string => (text.split("\n")[0] ?? "").slice(0, 300);

/** Statuses vitest's JSON report gives tests that did not run. */
const SKIPPED = new Set(["skipped", "pending", "todo", "disabled"]);

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
  // Counted from the tests themselves: vitest's totals leave out tests skipped by runIf/skipIf.
  const tests = report.testResults.flatMap((file) => file.assertionResults);
  const skipped = tests.filter((test) => SKIPPED.has(test.status)).length;
  return {
    passed: tests.filter((test) => test.status === "passed").length,
    failed: Math.max(report.numFailedTests, failures.length),
    skipped: Math.max(skipped, report.numPendingTests + report.numTodoTests),
    failures,
  };
}

const e2eSummary = z.object({
  layouts: z.array(
    z.object({
      stack: z.string(),
      checks: z.array(z.object({ name: z.string(), status: z.enum(["pass", "fail", "skip"]), detail: z.string().default("") })),
    }),
  ),
});

/** The suite's own count (test/e2e/report.ts `tally`): every check once, by its verdict. */
export function countE2e(summary: z.infer<typeof e2eSummary>): Counts {
  const t = tally(summary);
  return { passed: t.passed, failed: t.failed, skipped: t.skipped, failures: t.failures.map((f) => `e2e ${f}`) };
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
