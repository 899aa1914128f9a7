import { describe, expect, it } from "vitest";
import { checkPolicyKeys } from "../../../model/rules/policyKeys";
import { KNOWN_POLICY_KEYS, OPERATOR_POLICY_KEYS } from "../../../model/policyKeys";
import { lines, saleTopology, type Raw } from "../fixtures";

const policy = (fields: Raw): Raw => ({ name: "SALE_POLICY", vhost: "SALE_VHOST", pattern: "^SALE_", applyTo: "queues", ...fields });
const check = (...policies: Raw[]) => {
  const { topology, context } = saleTopology((f) => f.policies.push(...policies));
  return { findings: lines(checkPolicyKeys(topology, context)), topology };
};

describe("policy definition keys", () => {
  it("converts human units: message-ttl and expires to ms, max-length-bytes to bytes", () => {
    const { findings, topology } = check(policy({ definition: { "message-ttl": "10m", expires: "1h", "max-length-bytes": "256MB", "max-length": 5 } }));
    expect(findings).toEqual([]);
    expect(topology.policies[0]?.definition).toEqual({ "message-ttl": 600_000, expires: 3_600_000, "max-length-bytes": 256_000_000, "max-length": 5 });
  });

  it("accepts the mirroring keys in their combinations", () => {
    expect(check(policy({ definition: { "ha-mode": "exactly", "ha-params": 2, "ha-sync-mode": "automatic" } })).findings).toEqual([]);
    expect(check(policy({ definition: { "ha-mode": "nodes", "ha-params": ["rabbit@rabbit-1"] } })).findings).toEqual([]);
  });

  it.each<[string, Raw, string]>([
    ["an unknown key", { definition: { "message-tll": 1000 } }, `error config/sale.yaml policies[0].definition.message-tll (key): unknown policy key "message-tll" (known: ${KNOWN_POLICY_KEYS.join(", ")})`],
    [
      "a non-limit key in an operator policy",
      { operator: true, definition: { "dead-letter-exchange": "SALE_ORDER_EXCHANGE" } },
      `error config/sale.yaml policies[0].definition.dead-letter-exchange (key): "dead-letter-exchange" is not allowed in an operator policy (allowed: ${OPERATOR_POLICY_KEYS.join(", ")})`,
    ],
    [
      "a boolean",
      { definition: { "queue-mode": true } },
      "error config/sale.yaml policies[0].definition.queue-mode: true is a boolean (the rabbitmq provider cannot express booleans in a policy; no key here needs one)",
    ],
    [
      "a TTL without a unit",
      { definition: { "message-ttl": "10 minutes" } },
      'error config/sale.yaml policies[0].definition.message-ttl: "10 minutes" is not a duration (a number with a unit ms, s, m or h, e.g. 200ms, 1.5s, 2m, 1h)',
    ],
    [
      "a size in a unit RabbitMQ does not know",
      { definition: { "max-length-bytes": "1TB" } },
      'error config/sale.yaml policies[0].definition.max-length-bytes: "1TB" is not a size (a number with a unit B, kB/KB, MB, GB (1000) or KiB, MiB, GiB (1024), e.g. 4MB, 512MiB)',
    ],
    ["a negative length", { definition: { "max-length": -1 } }, "error config/sale.yaml policies[0].definition.max-length: number -1 is not a count (a whole number, 0 or more)"],
    ["a value outside a choice", { definition: { overflow: "drop-tail" } }, 'error config/sale.yaml policies[0].definition.overflow: "drop-tail" is not allowed (allowed: drop-head, reject-publish, reject-publish-dlx)'],
    [
      "a queue key on a policy for exchanges",
      { applyTo: "exchanges", definition: { "message-ttl": 1000 } },
      'error config/sale.yaml policies[0].definition.message-ttl (key): "message-ttl" configures queues but the policy applies to exchanges (set applyTo to queues or all)',
    ],
    [
      "an exchange key on a policy for queues",
      { definition: { "alternate-exchange": "SALE_ORDER_EXCHANGE" } },
      'error config/sale.yaml policies[0].definition.alternate-exchange (key): "alternate-exchange" configures exchanges but the policy applies to queues (set applyTo to exchanges or all)',
    ],
    ["ha-mode exactly without a count", { definition: { "ha-mode": "exactly" } }, "error config/sale.yaml policies[0].definition: ha-mode exactly needs ha-params: a replica count (e.g. ha-params: 2)"],
    ["ha-params without ha-mode", { definition: { "ha-params": 2 } }, "error config/sale.yaml policies[0].definition: ha-params without ha-mode (add ha-mode: all, exactly or nodes)"],
    ["ha-params with ha-mode all", { definition: { "ha-mode": "all", "ha-params": 2 } }, "error config/sale.yaml policies[0].definition: ha-params with ha-mode all (ha-params is for ha-mode exactly or nodes; remove it)"],
  ])("refuses %s", (_, fields, expected) => {
    expect(check(policy(fields)).findings).toEqual([expected]);
  });
});
