import { describe, expect, it } from "vitest";
import { goDurationString } from "../../../../engine/providers/docker/duration";
import { normalisedCapabilities } from "../../../../engine/providers/docker/hostConfig";

describe("goDurationString (Go's time.Duration.String)", () => {
  it.each([
    [0, "0s"],
    [1e9, "1s"],
    [120e9, "2m0s"],
    [90e9, "1m30s"],
    [3600e9, "1h0m0s"],
    [5e8, "500ms"],
    [1.5e9, "1.5s"],
  ])("%d ns is %s", (ns, text) => expect(goDurationString(ns)).toBe(text));
});

describe("normalisedCapabilities (the Docker client's rewrite)", () => {
  it("upper-cases, prefixes CAP_, dedupes and sorts", () => {
    expect(normalisedCapabilities(["net_raw", "NET_ADMIN", "CAP_NET_ADMIN"])).toEqual(["CAP_NET_ADMIN", "CAP_NET_RAW"]);
    expect(normalisedCapabilities(["ALL"])).toEqual(["ALL"]);
  });
});
