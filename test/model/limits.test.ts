import { describe, expect, it } from "vitest";
import { cpusInput, limitsOf, memoryMiB, watermarkBytes } from "../../model/limits";
import { stackOf } from "./fixtures";

describe("container limits", () => {
  it.each<[string, number]>([
    ["1GiB", 1024],
    ["512MiB", 512],
    ["1GB", 953], // 1e9 bytes, rounded down to whole MiB
    ["1.5GiB", 1536],
  ])("%s is %d MiB", (size, mib) => expect(memoryMiB(size)).toBe(mib));

  it("computes the watermark against the container's limit, not the host's RAM", () => {
    expect(watermarkBytes(0.6, { memoryMiB: 1024, cpus: 1 })).toBe(644_245_094); // floor(0.6 x 2^30)
    expect(watermarkBytes(0.4, { memoryMiB: 2048, cpus: 1 })).toBe(858_993_459);
  });

  it("writes cpus as the provider's string input", () => {
    expect(cpusInput(limitsOf({ memory: "1GiB", cpus: 0.5 }))).toBe("0.5");
  });

  it("defaults nodes to 1GiB and 1 CPU, load balancers to 512MiB and 1 CPU; a node's own field wins over the cluster's", () => {
    const stack = stackOf((s) => {
      s.cluster.resources = { cpus: 2 };
      s.cluster.nodes[1].resources = { memory: "2GiB" };
    });
    expect(stack.cluster.nodes.map((node) => node.limits)).toEqual([
      { memoryMiB: 1024, cpus: 2 },
      { memoryMiB: 2048, cpus: 2 },
      { memoryMiB: 1024, cpus: 2 },
    ]);
    expect(stack.loadBalancers.limits).toEqual({ memoryMiB: 512, cpus: 1 });
  });
});
