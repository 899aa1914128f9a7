import { describe, expect, it } from "vitest";
import { account } from "./drain";

describe("account", () => {
  it("counts confirmed-but-undelivered as lost and extra deliveries as duplicates", () => {
    const delivered = { counts: new Map([["a", 1], ["b", 3], ["x", 1]]), foreign: 0 };
    expect(account(new Set(["a", "b", "c"]), delivered)).toEqual({ delivered: 3, lost: 1, duplicated: 2, lostIds: ["c"] });
  });
});
