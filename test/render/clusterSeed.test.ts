import { describe, expect, it } from "vitest";
import type { ClusterNodeSpec } from "../../model/types";
import { discoveryPeers, seedFirst } from "../../render/clusterSeed";
import { seedCluster } from "./fixtures";

const node = (hostname: string, type: "disc" | "ram"): ClusterNodeSpec => ({ hostname, type, address: "10.0.0.1", host: "local", servesClients: true });
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

describe("discoveryPeers", () => {
  it("gives the seed only itself and every other node the seed first, then all others", () => {
    const nodes = [node("r1", "ram"), node("d1", "disc"), node("r2", "ram")];
    expect(names(discoveryPeers(nodes, nodes[1]!))).toEqual(["d1"]);
    expect(names(discoveryPeers(nodes, nodes[0]!))).toEqual(["d1", "r1", "r2"]);
    expect(names(discoveryPeers(seedCluster.nodes, seedCluster.nodes[2]!))).toEqual(["rabbit-disc1", "rabbit-ram1", "rabbit-ram2"]);
  });
});
