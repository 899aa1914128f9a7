import { describe, expect, it } from "vitest";
import type { QueueType, RabbitSeries } from "../../../model/types";
import { effectivePolicy, unsupportedPolicyKeys, winningPolicy } from "../../../model/rules/policyMatch";
import { saleTopology, type Raw } from "../fixtures";

/** A high-priority policy with `definition` and a low-priority catch-all TTL policy, on one queue. */
function winner(queueType: QueueType, definition: Raw, version?: RabbitSeries, operator = false): string | undefined {
  const { topology } = saleTopology((f) => {
    f.queues[0].type = queueType;
    f.policies.push(
      { name: "SALE_HIGH", vhost: "SALE_VHOST", pattern: "^SALE_", applyTo: "queues", priority: 5, operator, definition },
      { name: "SALE_LOW", vhost: "SALE_VHOST", pattern: ".*", applyTo: "queues", priority: 1, operator, definition: { "max-length": 10 } },
    );
  });
  return effectivePolicy(topology.policies, { kind: "queue", vhost: "SALE_VHOST", name: "SALE_ORDER_QUEUE", queueType, version }, operator)?.name;
}

describe("policies a queue type does not support", () => {
  it.each<[string, QueueType, Raw, RabbitSeries | undefined, string]>([
    ["a quorum queue skips a mirroring policy", "quorum", { "ha-mode": "all", "message-ttl": 1000 }, "3.13", "SALE_LOW"],
    ["a quorum queue skips it on 4.x too (the keys are still listed there)", "quorum", { "ha-mode": "exactly", "ha-params": 2 }, "4.1", "SALE_LOW"],
    ["a quorum queue skips queue-mode", "quorum", { "queue-mode": "lazy" }, undefined, "SALE_LOW"],
    ["a classic queue takes a mirroring policy", "classic", { "ha-mode": "all" }, "3.13", "SALE_HIGH"],
    ["a classic queue skips delivery-limit", "classic", { "delivery-limit": 5 }, "4.1", "SALE_LOW"],
    ["a quorum queue takes delivery-limit", "quorum", { "delivery-limit": 5 }, "4.1", "SALE_HIGH"],
    ["a classic queue skips queue-leader-locator on 3.13", "classic", { "queue-leader-locator": "balanced" }, "3.13", "SALE_LOW"],
    ["a classic queue takes queue-leader-locator on 4.0", "classic", { "queue-leader-locator": "balanced" }, "4.0", "SALE_HIGH"],
    ["a classic queue takes max-in-memory-length on 3.12", "classic", { "max-in-memory-length": 5 }, "3.12", "SALE_HIGH"],
    ["a classic queue skips max-in-memory-length on 3.13", "classic", { "max-in-memory-length": 5 }, "3.13", "SALE_LOW"],
  ])("%s", (_, queueType, definition, version, expected) => {
    expect(winner(queueType, definition, version)).toBe(expected);
  });

  it("applies to operator policies as well", () => {
    expect(winner("classic", { "delivery-limit": 5 }, "4.1", true)).toBe("SALE_LOW");
  });

  it("lists the keys by queue type and series", () => {
    expect(unsupportedPolicyKeys("quorum")).toEqual(["ha-mode", "ha-params", "ha-sync-mode", "ha-promote-on-shutdown", "ha-promote-on-failure", "queue-mode", "queue-master-locator"]);
    expect(unsupportedPolicyKeys("classic", "3.13")).toEqual(["delivery-limit", "dead-letter-strategy", "queue-leader-locator", "max-in-memory-length", "max-in-memory-bytes", "target-group-size"]);
    expect(unsupportedPolicyKeys("classic")).toEqual(["delivery-limit", "dead-letter-strategy"]);
  });

  it("tells a tie from a winner", () => {
    const { topology } = saleTopology((f) =>
      f.policies.push(
        { name: "SALE_A", vhost: "SALE_VHOST", pattern: ".*", priority: 1, definition: { "max-length": 1 } },
        { name: "SALE_B", vhost: "SALE_VHOST", pattern: ".*", priority: 1, definition: { "max-length": 2 } },
        { name: "SALE_HA", vhost: "SALE_VHOST", pattern: ".*", priority: 9, definition: { "ha-mode": "all" } },
      ),
    );
    const target = { kind: "queue" as const, vhost: "SALE_VHOST", name: "SALE_ORDER_QUEUE", queueType: "quorum" as const };
    expect(winningPolicy(topology.policies, target, false)).toEqual({ policy: topology.policies[0], tie: true });
    expect(winningPolicy(topology.policies, { ...target, queueType: "classic" }, false)).toEqual({ policy: topology.policies[2], tie: false });
  });
});
