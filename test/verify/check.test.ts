import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { pass, runCheck, warn } from "../../verify/check";

describe("runCheck", () => {
  test("times the check and keeps its outcome", async () => {
    const result = await runCheck("slow", 1000, async () => {
      await sleep(60);
      return warn("degraded: something");
    });
    expect(result).toMatchObject({ name: "slow", status: "warn", ok: true, detail: "degraded: something" });
    expect(result.ms).toBeGreaterThanOrEqual(55);
  });

  test("a thrown error becomes a failed check with one line", async () => {
    const result = await runCheck("boom", 1000, async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:5672"), { code: "ECONNREFUSED" });
    });
    expect(result).toMatchObject({ name: "boom", status: "fail", ok: false, detail: "connection refused" });
  });

  test("a check that never ends fails at its deadline", async () => {
    const result = await runCheck("stuck", 50, () => new Promise(() => undefined));
    expect(result).toMatchObject({ status: "fail", ok: false, detail: "no result within 50 ms" });
    expect(result.ms).toBeLessThan(1000);
  });

  test("skips are ok", async () => {
    expect((await runCheck("s", 100, async () => ({ status: "skip", detail: "nothing to check" }))).ok).toBe(true);
    expect((await runCheck("p", 100, async () => pass("fine"))).ok).toBe(true);
  });
});
