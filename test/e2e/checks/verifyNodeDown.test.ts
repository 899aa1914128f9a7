import { describe, expect, it } from "vitest";
import type { CheckResult, CheckStatus, VerifyResult } from "../../../verify";
import { nodeDownProblems } from "./verifyNodeDown";

const NODE = "rabbit@seed-ram2";
const check = (name: string, status: CheckStatus, detail = "fine"): CheckResult => ({ name, status, ok: status !== "fail", detail, ms: 1 });
const result = (checks: CheckResult[], extra: Partial<VerifyResult> = {}): VerifyResult => ({
  ok: checks.every((c) => c.ok), degraded: checks.some((c) => c.status === "warn"), checks, ...extra,
});
const down = check("cluster: membership", "warn", `degraded: ${NODE} down (2 of 3 running: rabbit@seed-disc1, rabbit@seed-ram1)`);
const delivering = [
  check("delivery (quorum)", "pass"), check("delivery (classic)", "pass"),
  check("mandatory return", "pass"), check("alternate exchange", "pass"), check("dead letter", "pass"),
];

describe("nodeDownProblems", () => {
  it("accepts the node reported down while every delivery check passes", () => {
    expect(nodeDownProblems(result([...delivering, down, check("haproxy: backends", "warn")]), NODE)).toEqual([]);
  });

  it("requires the membership warning to name the stopped node", () => {
    const other = check("cluster: membership", "warn", "degraded: rabbit@seed-ram1 down (2 of 3 running)");
    expect(nodeDownProblems(result([...delivering, other]), NODE)).toEqual([
      `cluster: membership should warn naming ${NODE}, got warn: degraded: rabbit@seed-ram1 down (2 of 3 running)`,
    ]);
  });

  it("fails when the stopped node is not noticed at all", () => {
    expect(nodeDownProblems(result([...delivering, check("cluster: membership", "pass", "3 of 3 running")]), NODE)).toEqual([
      `cluster: membership should warn naming ${NODE}, got pass: 3 of 3 running`,
      "the run is not marked degraded",
    ]);
  });

  it("lists each delivery check that did not pass", () => {
    const broken = [check("delivery (quorum)", "fail", "3 of 20 confirmed messages missing"), check("dead letter", "warn", "late"), down];
    expect(nodeDownProblems(result(broken), NODE)).toEqual(["delivery (quorum) fail: 3 of 20 confirmed messages missing", "dead letter warn: late"]);
  });

  it("fails when no delivery check ran", () => {
    expect(nodeDownProblems(result([down]), NODE)).toEqual(["no delivery check ran"]);
  });

  it("reports an aborted probe by its reason alone", () => {
    expect(nodeDownProblems(result([], { aborted: "management API http://10.0.0.1:15672: connection refused" }), NODE)).toEqual([
      "the probe could not run: management API http://10.0.0.1:15672: connection refused",
    ]);
  });
});
