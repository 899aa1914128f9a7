import { describe, expect, it } from "vitest";
import { checkPolicyShadowing } from "../../../model/rules/policyShadowing";
import { lines, saleTopology, type Raw } from "../fixtures";

const policy = (name: string, pattern: string, priority: number, fields: Raw = {}): Raw => ({
  name,
  vhost: "SALE_VHOST",
  pattern,
  priority,
  applyTo: "queues",
  definition: { "max-length": 10 },
  ...fields,
});
const check = (...policies: Raw[]) => {
  const { topology, context } = saleTopology((f) => {
    f.queues.push({ name: "SALE_AUDIT_QUEUE", vhost: "SALE_VHOST", type: "classic" });
    f.policies.push(...policies);
  });
  return lines(checkPolicyShadowing(topology, context));
};

describe("policy shadowing", () => {
  it.each<[string, Raw[]]>([
    ["patterns that match different queues", [policy("SALE_ORDER_CAP", "^SALE_ORDER", 1), policy("SALE_AUDIT_CAP", "AUDIT", 1)]],
    ["a policy and an operator policy on the same queue (they merge)", [policy("SALE_CAP", ".*", 1), policy("SALE_OP_CAP", ".*", 1, { operator: true })]],
    ["two policies for different queue types", [policy("SALE_Q_CAP", ".*", 1, { applyTo: "quorum_queues" }), policy("SALE_C_CAP", ".*", 1, { applyTo: "classic_queues" })]],
    ["a mirror policy and another at the same priority on a quorum queue (it skips the mirror policy)", [policy("SALE_HA", ".*", 1, { definition: { "ha-mode": "all" } }), policy("SALE_CAP", "^SALE_ORDER", 1)]],
    ["a queue policy and an exchange policy", [policy("SALE_CAP", ".*", 1), policy("SALE_AE", ".*", 1, { applyTo: "exchanges", definition: { "alternate-exchange": "X" } })]],
  ])("accepts %s", (_, policies) => {
    expect(check(...policies)).toEqual([]);
  });

  it("warns that a lower-priority policy is not applied where a higher one matches, naming both and the queues", () => {
    expect(check(policy("SALE_ALL_CAP", ".*", 0), policy("SALE_ORDER_CAP", "^SALE_ORDER_", 5))).toEqual([
      'warning config/sale.yaml policies[0].pattern: policy "SALE_ALL_CAP" (priority 0) is not applied to queue "SALE_ORDER_QUEUE": policy "SALE_ORDER_CAP" (priority 5) also matches and wins (only one policy applies per object)',
    ]);
  });

  it("refuses equal priorities on an overlapping match", () => {
    expect(check(policy("SALE_ALL_CAP", ".*", 1), policy("SALE_SALE_CAP", "^SALE_", 1))).toEqual([
      'error config/sale.yaml policies[1].priority: policy "SALE_SALE_CAP" and policy "SALE_ALL_CAP" both match queue "SALE_ORDER_QUEUE", queue "SALE_AUDIT_QUEUE" with priority 1 (RabbitMQ applies one of them arbitrarily; give them different priorities or patterns)',
    ]);
  });

  it("checks operator policies among themselves", () => {
    const operator = { operator: true };
    expect(check(policy("SALE_A", "QUEUE$", 2, operator), policy("SALE_B", "AUDIT", 3, operator))).toEqual([
      'warning config/sale.yaml policies[0].pattern: operator policy "SALE_A" (priority 2) is not applied to queue "SALE_AUDIT_QUEUE": operator policy "SALE_B" (priority 3) also matches and wins (only one operator policy applies per object)',
    ]);
  });
});
