import { describe, expect, it } from "vitest";
import { failures, summaryTable } from "./report";

const summary = {
  layouts: [
    {
      stack: "e2e-seed",
      checks: [
        { name: "deploy", ok: true, detail: "", ms: 1000 },
        { name: "cookie", ok: false, detail: "mode 644", ms: 10 },
      ],
      scenarios: [{ name: "disc-node-stop [quorum]", sent: 10, confirmed: 9, lost: 2, duplicated: 1, seconds: 12, failoverSeconds: 0.5 }],
    },
  ],
};

describe("report", () => {
  it("lists failed checks and lossy scenarios", () => {
    expect(failures(summary)).toEqual(["e2e-seed: cookie: mode 644", "e2e-seed: disc-node-stop [quorum]: 2 confirmed messages lost"]);
  });

  it("ends the table with the pass/fail count line", () => {
    expect(summaryTable(summary).split("\n").at(-1)).toBe("e2e: 1 passed, 1 failed");
  });
});
