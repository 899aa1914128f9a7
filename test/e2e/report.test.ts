import { describe, expect, it } from "vitest";
import { summaryTable, tally } from "./report";

const scenario = { name: "disc-node-stop [quorum]", sent: 10, confirmed: 9, confirmedDuringAction: 4, lost: 2, duplicated: 1, reconnects: 1, seconds: 12, longestOutageSeconds: 0.5 };
const summary = {
  layouts: [
    {
      stack: "e2e-seed",
      checks: [
        { name: "deploy", status: "pass" as const, detail: "", ms: 1000 },
        { name: "cookie", status: "fail" as const, detail: "mode 644", ms: 10 },
        { name: "verify: haproxy", status: "skip" as const, detail: "skip: no stats URL", ms: 1 },
        { name: "disc-node-stop: no confirmed message lost", status: "fail" as const, detail: "2 of 9 confirmed messages lost", ms: 1 },
      ],
      scenarios: [scenario],
      updates: [
        {
          ...scenario,
          name: "haproxy-setting [quorum]",
          kind: "loadBalancer",
          planned: { create: 0, update: 0, replace: 2, delete: 0 },
          maxNodesDownAtOnce: 0,
          vipHeldThroughout: false,
          longestVipGapSeconds: 6.42,
          vipSamples: 400,
          vipMoves: 1,
          steps: [],
        },
      ],
    },
  ],
};

describe("tally: the one count of an e2e summary", () => {
  it("counts each check once by its verdict; scenario figures are not counted again", () => {
    expect(tally(summary)).toEqual({
      passed: 1,
      failed: 2,
      skipped: 1,
      failures: ["e2e-seed: cookie: mode 644", "e2e-seed: disc-node-stop: no confirmed message lost: 2 of 9 confirmed messages lost"],
      skips: ["e2e-seed: verify: haproxy: skip: no stats URL"],
    });
  });

  it("shows an update's nodes down and longest VIP gap", () => {
    expect(summaryTable(summary).split("\n").find((line) => line.includes("update haproxy-setting"))).toMatch(/ 0\s+6\.42$/);
  });

  it("ends the table with the same count", () => {
    expect(summaryTable(summary).split("\n").at(-1)).toBe("e2e: 1 passed, 2 failed, 1 skipped");
  });
});
