import { describe, expect, it } from "vitest";
import { countE2e, countVitest } from "../../scripts/count-results";

describe("countVitest", () => {
  it("counts tests skipped by runIf/skipIf, which vitest's totals leave out", () => {
    const report = {
      numPassedTests: 1,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [{ name: "/p/a.test.ts", status: "passed", message: "", assertionResults: [{ fullName: "a", status: "passed" }, { fullName: "b (skipped: no image)", status: "skipped" }] }],
    };
    expect(countVitest(report, "/p")).toEqual({ passed: 1, failed: 0, skipped: 1, failures: [] });
  });
});

describe("countE2e", () => {
  it("counts each check once by its verdict, skips apart", () => {
    const summary = { layouts: [{ stack: "s", checks: [{ name: "a", status: "pass" as const, detail: "" }, { name: "b", status: "skip" as const, detail: "why" }, { name: "c", status: "fail" as const, detail: "no" }] }] };
    expect(countE2e(summary)).toEqual({ passed: 1, failed: 1, skipped: 1, failures: ["e2e s: c: no"] });
  });
});
