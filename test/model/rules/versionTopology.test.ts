import { describe, expect, it } from "vitest";
import { checkTopologyVersion } from "../../../model/rules/versionTopology";
import { lines, saleTopology, stackOf, type Raw } from "../fixtures";

const check = (changeFile: (file: Raw) => void, changeStack: (stack: Raw) => void = () => undefined) => {
  const { topology, context } = saleTopology(changeFile);
  return lines(checkTopologyVersion(topology, stackOf(changeStack).cluster, context));
};
const mirror = (f: Raw) => f.policies.push({ name: "SALE_HA", vhost: "SALE_VHOST", pattern: ".*", applyTo: "queues", definition: { "ha-mode": "all", "ha-sync-mode": "automatic" } });
const onVersion = (version: string) => (s: Raw) => (s.cluster.version = version);

describe("topology version rules", () => {
  it("accepts a mirror policy on 3.x", () => {
    expect(check(mirror, onVersion("3.13"))).toEqual([]);
  });

  it("refuses every ha-* key on 4.x", () => {
    expect(check(mirror, onVersion("4.0"))).toEqual(
      ["ha-mode", "ha-sync-mode"].map(
        (key) =>
          `error config/sale.yaml policies[0].definition.${key} (key): "${key}" in policy "SALE_HA" has no effect on RabbitMQ 4.0: classic queue mirroring was removed in 4.0 (use quorum queues; ha-* keys are for 3.x stacks only)`,
      ),
    );
  });

  it("refuses apply-to by queue type before 3.12", () => {
    const policy = (f: Raw) => f.policies.push({ name: "SALE_Q", vhost: "SALE_VHOST", pattern: ".*", applyTo: "quorum_queues", definition: { "max-length": 1 } });
    expect(check(policy, onVersion("3.12"))).toEqual([]);
    expect(check(policy, onVersion("3.11"))).toEqual([
      "error config/sale.yaml policies[0].applyTo: applyTo quorum_queues needs RabbitMQ 3.12 or later (this stack runs 3.11; allowed: queues, exchanges, all)",
    ]);
  });

  it("warns about quorum queues on fewer than three nodes", () => {
    expect(check(() => undefined, (s) => s.cluster.nodes.pop())).toEqual([
      'warning config/sale.yaml queues[0].type: queue "SALE_ORDER_QUEUE" is a quorum queue but the cluster has 2 nodes (a quorum queue needs three or more nodes so that a majority survives the loss of one)',
    ]);
  });

  it("refuses an initial group size larger than the cluster", () => {
    expect(check((f) => (f.queues[0].initialGroupSize = 5))).toEqual([
      "error config/sale.yaml queues[0].initialGroupSize: initialGroupSize 5 is larger than the cluster (3 nodes; at most 3)",
    ]);
  });

  it("refuses an unlimited delivery limit on 3.x", () => {
    expect(check((f) => (f.queues[0].deliveryLimit = -1))).toEqual([]);
    expect(check((f) => (f.queues[0].deliveryLimit = -1), onVersion("3.13"))).toEqual([
      "error config/sale.yaml queues[0].deliveryLimit: deliveryLimit -1 on RabbitMQ 3.13 (-1 means unlimited on 4.x only; 3.x has no default limit: remove it)",
    ]);
  });

  it("notes 4.x's default delivery limit of 20 on a quorum queue with a retry and no deliveryLimit", () => {
    const retry = (f: Raw) => (f.queues[0].retry = { every: "2m", maxAttempts: 3 });
    expect(check(retry, onVersion("3.13"))).toEqual([]);
    expect(check((f) => Object.assign(f.queues[0], { retry: { every: "2m", maxAttempts: 3 }, deliveryLimit: 10 }))).toEqual([]);
    expect(check(retry)).toEqual([
      'warning config/sale.yaml queues[0].retry: quorum queue "SALE_ORDER_QUEUE" declares a retry but no deliveryLimit: RabbitMQ 4.1 defaults it to 20, after which requeued messages are dead-lettered or dropped (set deliveryLimit to make it explicit)',
    ]);
  });
});
