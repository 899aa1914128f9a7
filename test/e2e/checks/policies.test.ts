import { describe, expect, it } from "vitest";
import type { PolicySpec, QueueSpec } from "../../../model/types";
import { expectedPolicy } from "./policies";

const origin = { file: "config/x.yaml", system: "X" };
const policy = (name: string, fields: Partial<PolicySpec>): PolicySpec => ({
  name, vhost: "V", origin, pattern: ".*", applyTo: "queues", priority: 0, definition: { "max-length": 10 }, operator: false, ...fields,
});
const queue = (name: string, type: "classic" | "quorum"): QueueSpec =>
  ({ name, vhost: "V", type } as unknown as QueueSpec);

describe("expectedPolicy", () => {
  const policies = [
    policy("LOW", { priority: 0 }),
    policy("HA", { priority: 5, definition: { "ha-mode": "all" } }),
    policy("CAP", { priority: 1, operator: true }),
    policy("OTHER_VHOST", { priority: 9, vhost: "W" }),
  ];

  it("picks the highest-priority matching policy of the queue's vhost", () => {
    expect(expectedPolicy(policies, queue("A_QUEUE", "classic"), false, "3.13")).toBe("HA");
  });

  it("skips mirroring policies for quorum queues", () => {
    expect(expectedPolicy(policies, queue("A_QUEUE", "quorum"), false, "3.13")).toBe("LOW");
  });

  it("keeps operator policies apart", () => {
    expect(expectedPolicy(policies, queue("A_QUEUE", "quorum"), true, "3.13")).toBe("CAP");
  });

  it("has no prediction when two policies tie for the top priority", () => {
    expect(expectedPolicy([policy("A", {}), policy("B", {})], queue("Q", "classic"), false, "3.13")).toBeUndefined();
  });

  it("expects no policy when none matches", () => {
    expect(expectedPolicy([policy("A", { pattern: "^OTHER" })], queue("Q", "classic"), false, "3.13")).toBe("");
  });
});
