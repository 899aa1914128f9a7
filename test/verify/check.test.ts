import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, test } from "vitest";
import { pass, runCheck, skip, tally, warn } from "../../verify/check";

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

describe("skips", () => {
  test("a skip must say why", () => {
    expect(() => skip(" ")).toThrow("a skipped check must say why");
    expect(skip("no stats URL")).toEqual({ status: "skip", detail: "no stats URL" });
  });

  test("tally counts a skip apart from a pass", () => {
    const results = [pass("a"), skip("no model"), warn("b")].map((o, i) => ({ name: String(i), ok: true, ms: 0, ...o }));
    expect(tally(results)).toEqual({ pass: 1, warn: 1, fail: 0, skip: 1 });
  });
});

describe("runCheck and an abort signal", () => {
  test("an abort ends the running check at once as failed, naming the signal", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort("SIGINT"), 30);
    const result = await runCheck("stuck", 10_000, () => new Promise(() => undefined), controller.signal);
    expect(result).toMatchObject({ status: "fail", detail: "interrupted (SIGINT)" });
    expect(result.ms).toBeLessThan(1000);
  });
});
