import { describe, expect, it } from "vitest";
import type { CheckResult } from "../checks/types";
import { asKnownLoss } from "./runUpdates";

const check = (status: CheckResult["status"], detail: string): CheckResult => ({ name: "update image: confirmed publishing into Q lost nothing", status, detail, ms: 1 });

describe("asKnownLoss", () => {
  it("turns a loss on a change with a known loss into a skip that says why, with the figures", () => {
    const result = asKnownLoss(check("fail", "3 of 10 confirmed messages lost: a, b, c"), "known failure: nodes at once");
    expect(result).toEqual({ ...check("fail", ""), status: "skip", detail: "known failure: nodes at once: 3 of 10 confirmed messages lost: a, b, c" });
  });

  it.each([
    ["a change with no known loss", check("fail", "3 of 10 confirmed messages lost: a"), undefined],
    ["a publisher that did not work", check("fail", "only 3 messages confirmed in 60s (at least 1500 expected at 100/s)"), "known"],
    ["messages never confirmed", check("fail", "5 messages never confirmed within 60s"), "known"],
    ["a pass", check("pass", "100 sent"), "known"],
  ])("keeps %s as it is", (_what, given, known) => {
    expect(asKnownLoss(given, known)).toEqual(given);
  });
});
