import { describe, expect, it } from "vitest";
import type { ClusterNodeSpec } from "../../model/types";
import { SEED_DISCOVERY, discoveryPeers, discoveryRetries, isSeed, rollingOrder, seedFirst } from "../../render/clusterSeed";
import { modernCluster, seedCluster } from "./fixtures";

const node = (hostname: string, type: "disc" | "ram"): ClusterNodeSpec => ({ hostname, type, address: "10.0.0.1", host: "local", servesClients: true, limits: { memoryMiB: 1024, cpus: 1 } });
const names = (nodes: readonly ClusterNodeSpec[]) => nodes.map((n) => n.hostname);

describe("seedFirst", () => {
  it("seeds with the first disc node even when a RAM node is listed before it", () => {
    const { seed, others } = seedFirst([node("r1", "ram"), node("d1", "disc"), node("d2", "disc")]);
    expect(seed.hostname).toBe("d1");
    expect(names(others)).toEqual(["r1", "d2"]);
  });

  it("refuses a cluster without a disc node", () => {
    expect(() => seedFirst([node("r1", "ram")])).toThrow("the cluster has no disc node (allowed: at least one; the first disc node seeds the cluster)");
  });
});

describe("isSeed", () => {
  it("is true for the first disc node only", () => {
    const nodes = [node("r1", "ram"), node("d1", "disc"), node("d2", "disc")];
    expect(nodes.map((n) => isSeed(nodes, n))).toEqual([false, true, false]);
  });
});

describe("discoveryPeers", () => {
  it("lists the seed first, then the others in model order", () => {
    expect(names(discoveryPeers([node("r1", "ram"), node("d1", "disc"), node("r2", "ram")]))).toEqual(["d1", "r1", "r2"]);
    expect(names(discoveryPeers(seedCluster.nodes))).toEqual(["rabbit-disc1", "rabbit-ram1", "rabbit-ram2"]);
  });
});

describe("discoveryRetries", () => {
  const [seed, ram] = seedCluster.nodes;

  it("bounds the seed's retries and leaves every other node the stack's", () => {
    expect(discoveryRetries(seedCluster, seed!)).toEqual(SEED_DISCOVERY);
    expect(discoveryRetries(seedCluster, ram!)).toEqual({ limit: 30, intervalMs: 1000 });
    expect(discoveryRetries(modernCluster, modernCluster.nodes[1]!)).toEqual({ limit: 30, intervalMs: 1000 });
  });

  it("never gives the seed more than the stack asks for", () => {
    const frugal = { ...seedCluster, discoveryRetryLimit: 1, discoveryRetryIntervalMs: 50 };
    expect(discoveryRetries(frugal, seed!)).toEqual({ limit: 1, intervalMs: 50 });
    const generous = { ...seedCluster, discoveryRetryLimit: 60, discoveryRetryIntervalMs: 5000 };
    expect(discoveryRetries(generous, seed!)).toEqual({ limit: SEED_DISCOVERY.limit, intervalMs: SEED_DISCOVERY.intervalMs });
  });
});

describe("rollingOrder", () => {
  it("puts the first disc node first, then the others in the stack's order (creates and replacements alike)", () => {
    const [disc, ram1, ram2] = seedCluster.nodes;
    expect(rollingOrder([ram1!, disc!, ram2!]).map((n) => n.hostname)).toEqual(["rabbit-disc1", "rabbit-ram1", "rabbit-ram2"]);
    expect(rollingOrder(modernCluster.nodes).map((n) => n.hostname)).toEqual(["rabbit-1", "rabbit-2", "rabbit-3"]);
  });
});
