import { describe, expect, test } from "vitest";
import { formatJson, formatTable, verdict } from "../../verify/report";
import type { CheckResult, VerifyResult } from "../../verify/types";

const check = (name: string, status: CheckResult["status"], ms: number, detail: string): CheckResult => ({ name, status, ok: status !== "fail", ms, detail });

describe("formatTable", () => {
  test("aligns check, result and milliseconds; the detail runs on; the verdict closes", () => {
    const result: VerifyResult = {
      ok: true,
      degraded: true,
      checks: [
        check("management api", "pass", 12, "RabbitMQ 3.13.7, cluster rabbit@disc1"),
        check("cluster: membership", "warn", 1503, "degraded: rabbit@ram1 down (2 of 3 running: rabbit@disc1, rabbit@ram2)"),
        check("topology: queues", "skip", 0, "no stack model to compare with (--stack)"),
      ],
    };
    expect(formatTable(result)).toBe(
      [
        "CHECK                RESULT    MS  DETAIL",
        "management api       PASS      12  RabbitMQ 3.13.7, cluster rabbit@disc1",
        "cluster: membership  WARN    1503  degraded: rabbit@ram1 down (2 of 3 running: rabbit@disc1, rabbit@ram2)",
        "topology: queues     SKIP       0  no stack model to compare with (--stack)",
        "",
        "skipped: topology: queues: no stack model to compare with (--stack)",
        "1 passed, 1 degraded, 0 failed, 1 skipped: OK, DEGRADED",
      ].join("\n"),
    );
  });
});

describe("verdict", () => {
  const checks = [check("a", "pass", 1, ""), check("b", "fail", 1, "")];
  test.each([
    { result: { ok: true, degraded: false, checks: [checks[0]!] }, line: "1 passed, 0 degraded, 0 failed, 0 skipped: OK" },
    { result: { ok: false, degraded: false, checks }, line: "1 passed, 0 degraded, 1 failed, 0 skipped: FAILED" },
    {
      result: { ok: false, degraded: false, aborted: "management API http://10.0.0.1:15672: connection refused", checks: [checks[1]!] },
      line: "0 passed, 0 degraded, 1 failed, 0 skipped: ABORTED: management API http://10.0.0.1:15672: connection refused",
    },
  ])("$line", ({ result, line }) => {
    expect(verdict(result)).toBe(line);
  });
});

test("formatJson round-trips the result", () => {
  const result: VerifyResult = { ok: true, degraded: false, checks: [check("cleanup", "pass", 3, "done")] };
  expect(JSON.parse(formatJson(result))).toEqual(result);
});
