import { describe, expect, it } from "vitest";
import type { ClusterSpec } from "../../model/types";
import { peerHostEntries, renderPeersConf } from "../../render/clusterPeers";
import { modernCluster, seedCluster } from "./fixtures";

const peerLines = (text: string) => text.split("\n").filter((line) => line.startsWith("cluster_formation.classic_config.nodes."));

describe("renderPeersConf", () => {
  it("lists the seed first, then every node in the stack's order", () => {
    expect(peerLines(renderPeersConf(seedCluster, "dev"))).toEqual([
      "cluster_formation.classic_config.nodes.1 = rabbit@rabbit-disc1",
      "cluster_formation.classic_config.nodes.2 = rabbit@rabbit-ram1",
      "cluster_formation.classic_config.nodes.3 = rabbit@rabbit-ram2",
    ]);
  });

  it("puts the first disc node first even when a RAM node is listed before it", () => {
    const [disc, ram1, ram2] = seedCluster.nodes;
    const reordered: ClusterSpec = { ...seedCluster, nodes: [ram1!, disc!, ram2!] };
    expect(peerLines(renderPeersConf(reordered, "dev"))[0]).toBe("cluster_formation.classic_config.nodes.1 = rabbit@rabbit-disc1");
  });

  it("grows by one line when a node is added, the others unchanged", () => {
    const added: ClusterSpec = { ...modernCluster, nodes: [...modernCluster.nodes, { ...modernCluster.nodes[0]!, hostname: "rabbit-4", address: "172.28.9.14" }] };
    const before = peerLines(renderPeersConf(modernCluster, "modern"));
    expect(peerLines(renderPeersConf(added, "modern"))).toEqual([...before, `cluster_formation.classic_config.nodes.${before.length + 1} = rabbit@rabbit-4`]);
  });
});

describe("peerHostEntries", () => {
  it("is empty when every node shares one Docker host (Docker's DNS resolves the peers)", () => {
    for (const node of seedCluster.nodes) expect(peerHostEntries(seedCluster, node)).toEqual([]);
  });

  it("lists only the peers on other Docker hosts", () => {
    const [a, b, c] = modernCluster.nodes;
    const spread: ClusterSpec = { ...modernCluster, nodes: [{ ...a!, host: "h1" }, { ...b!, host: "h1" }, { ...c!, host: "h2" }] };
    expect(peerHostEntries(spread, spread.nodes[0]!)).toEqual([{ host: c!.hostname, ip: c!.address }]);
    expect(peerHostEntries(spread, spread.nodes[2]!)).toEqual([
      { host: a!.hostname, ip: a!.address },
      { host: b!.hostname, ip: b!.address },
    ]);
  });
});
