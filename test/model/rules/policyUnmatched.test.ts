import { describe, expect, it } from "vitest";
import { checkPolicyUnmatched } from "../../../model/rules/policyUnmatched";
import { lines, saleTopology, type Raw } from "../fixtures";

const policy = (fields: Raw): Raw => ({ name: "SALE_POLICY", vhost: "SALE_VHOST", pattern: "^SALE_ORDER_", applyTo: "queues", definition: { "max-length": 10 }, ...fields });
const check = (...policies: Raw[]) => {
  const { topology, context } = saleTopology((f) => f.policies.push(...policies));
  return lines(checkPolicyUnmatched(topology, "3.13", context));
};

describe("policies that apply to nothing declared", () => {
  it.each<[string, Raw]>([
    ["a queue policy matching a queue", policy({})],
    ["an exchange policy matching an exchange", policy({ applyTo: "exchanges", definition: { "alternate-exchange": "SALE_ORDER_EXCHANGE" } })],
    ["an operator policy matching a queue", policy({ operator: true })],
    ["a quorum-queue policy matching a quorum queue", policy({ applyTo: "quorum_queues" })],
  ])("accepts %s", (_, input) => {
    expect(check(input)).toEqual([]);
  });

  it.each<[string, Raw, string]>([
    [
      "a pattern that matches no name",
      policy({ pattern: "^SALE_ORDERS_" }),
      'warning config/sale.yaml policies[0].pattern: policy "SALE_POLICY" applies to no queue or exchange declared in vhost "SALE_VHOST" (it only affects objects declared elsewhere; check pattern ^SALE_ORDERS_ and applyTo queues)',
    ],
    [
      "a classic-queue policy where the queue is quorum",
      policy({ applyTo: "classic_queues", operator: true }),
      'warning config/sale.yaml policies[0].pattern: operator policy "SALE_POLICY" applies to no queue or exchange declared in vhost "SALE_VHOST" (it only affects objects declared elsewhere; check pattern ^SALE_ORDER_ and applyTo classic_queues)',
    ],
    [
      "a mirror policy matching only a quorum queue, which skips it",
      policy({ definition: { "ha-mode": "all", "ha-sync-mode": "automatic" } }),
      'warning config/sale.yaml policies[0].pattern: policy "SALE_POLICY" applies to no queue or exchange declared in vhost "SALE_VHOST": the quorum queues it matches skip it (they do not support ha-mode, ha-sync-mode) (it only affects objects declared elsewhere; check pattern ^SALE_ORDER_ and applyTo queues)',
    ],
  ])("warns about %s", (_, input, expected) => {
    expect(check(input)).toEqual([expected]);
  });
});
