import { describe, expect, it } from "vitest";
import { goDurationString } from "../../../../engine/providers/docker/duration";
import { hostConfigOf, nanoCpus, normalisedCapabilities } from "../../../../engine/providers/docker/hostConfig";
import { containerReadBack } from "../../../../engine/providers/docker/readBack";

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

describe("memory and CPU limits: created, then read back as declared", () => {
  const inspect = (hostConfig: Record<string, unknown>) =>
    ({
      Name: "/c",
      Image: "sha256:x",
      State: { Running: true, ExitCode: 0 },
      Config: { Image: "img", Hostname: "c" },
      HostConfig: hostConfig,
      NetworkSettings: { Networks: {} },
    }) as unknown as Parameters<typeof containerReadBack>[0];

  it("sends memory in bytes and cpus as NanoCpus", () => {
    const config = hostConfigOf({ memory: 1024, cpus: "0.5" }, "c", {});
    expect([config["Memory"], config["NanoCpus"]]).toEqual([1024 * 1024 * 1024, 500_000_000]);
    expect(() => nanoCpus("lots")).toThrow('cpus: "lots" is not a positive number of CPUs');
  });

  it("reads back what the daemon holds in the declared units, so an unchanged limit is no diff", () => {
    const declared = { image: "img", memory: 1024, cpus: "0.5" };
    const out = containerReadBack(inspect({ Memory: 1024 * 1024 * 1024, NanoCpus: 500_000_000 }), declared);
    expect([out["memory"], out["cpus"]]).toEqual([1024, "0.5"]);
  });

  it("shows a limit changed or removed behind the program's back", () => {
    const out = containerReadBack(inspect({ Memory: 0, NanoCpus: 0 }), { image: "img", memory: 1024, cpus: "1" });
    expect([out["memory"], out["cpus"]]).toEqual([0, "0"]);
    const none = containerReadBack(inspect({ Memory: 0 }), { image: "img" });
    expect(["memory" in none, "cpus" in none]).toEqual([false, false]);
  });
});
