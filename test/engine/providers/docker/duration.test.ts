import { describe, expect, it } from "vitest";
import { goDurationNs } from "../../../../engine/providers/docker/duration";

describe("goDurationNs", () => {
  it.each([
    ["1s", 1e9],
    ["500ms", 5e8],
    ["1.5s", 1.5e9],
    ["1m30s", 90e9],
    ["0", 0],
  ])("%s is %d ns", (text, ns) => expect(goDurationNs(text)).toBe(ns));

  it("refuses text Go would refuse", () => {
    expect(() => goDurationNs("10")).toThrow('invalid duration "10" (Go syntax: 500ms, 1s, 1m30s)');
  });
});
