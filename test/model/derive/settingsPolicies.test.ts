import { describe, expect, it } from "vitest";
import type { PolicySpec } from "../../../model/types";
import { deriveSettingsPolicies, exactPattern, exchangeSettingsPolicy, exchangeSettingsPolicyName, settingsPolicy, settingsPolicyName } from "../../../model/derive/settingsPolicies";
import { winningPolicy } from "../../../model/rules/policyMatch";
import { exchange, origin, queue, topology } from "./fixtures";

function policy(fields: Partial<PolicySpec>): PolicySpec {
  return { name: "SALE_P", vhost: "SALE_VHOST", origin, pattern: ".*", applyTo: "queues", priority: 0, definition: {}, operator: false, ...fields };
}

const withTtl = queue({ messageTtlMs: 600_000, maxLength: 1000 });

describe("settingsPolicy: a queue's own settings as the one policy that applies to it", () => {
  it("a queue without policy-applicable settings gets none (only declare-time arguments)", () => {
    expect(settingsPolicy(queue({ singleActiveConsumer: true, initialGroupSize: 3 }), [], "4.3")).toBeUndefined();
  });

  it("matches this queue only, by its escaped name, on queues, at priority 0 when no user policy matches", () => {
    const q = queue({ name: "A.B+C", messageTtlMs: 1 });
    const p = settingsPolicy(q, [policy({ pattern: "^OTHER" })], "4.3");
    expect(p).toMatchObject({ name: settingsPolicyName("A.B+C"), pattern: "^A\\.B\\+C$", applyTo: "queues", priority: 0, operator: false, generatedFor: "A.B+C" });
    expect(new RegExp(exactPattern("A.B+C")).test("AxB+C")).toBe(false);
  });

  it("carries every setting a policy can apply, by RabbitMQ's policy key", () => {
    const q = queue({ messageTtlMs: 1, maxLength: 2, maxLengthBytes: 3, overflow: "reject-publish", deadLetter: { exchange: "DLX", routingKey: "dead" }, deliveryLimit: 4 });
    expect(settingsPolicy(q, [], "4.3")?.definition).toStrictEqual({
      "message-ttl": 1, "max-length": 2, "max-length-bytes": 3, overflow: "reject-publish", "dead-letter-exchange": "DLX", "dead-letter-routing-key": "dead", "delivery-limit": 4,
    });
  });

  it("merges the user policy that would win for the queue; the queue's own value wins a conflict", () => {
    const users = [policy({ name: "LOW", priority: 1, definition: { "max-length": 5 } }), policy({ name: "TOP", priority: 7, definition: { "message-ttl": 1, expires: 9 } })];
    const p = settingsPolicy(withTtl, users, "4.3");
    expect(p?.definition).toStrictEqual({ "message-ttl": 600_000, expires: 9, "max-length": 1000 });
    expect(p?.priority).toBe(8);
  });

  it("outranks every matching user policy, even one the queue type skips, so none ties with it", () => {
    const users = [policy({ name: "MIRROR", priority: 20, definition: { "ha-mode": "all" } }), policy({ name: "Q", priority: 3, definition: { expires: 9 } })];
    const p = settingsPolicy(withTtl, users, "3.10");
    expect(p?.priority).toBe(21);
    // A quorum queue skips a mirroring policy: its keys are not merged.
    expect(p?.definition).toStrictEqual({ expires: 9, "message-ttl": 600_000, "max-length": 1000 });
  });

  it("keeps classic mirroring on a 3.x classic queue (the mirroring policy's keys come along)", () => {
    const users = [policy({ name: "MIRROR", priority: 1, definition: { "ha-mode": "all", "ha-sync-mode": "automatic" } })];
    const p = settingsPolicy(queue({ type: "classic", messageTtlMs: 5 }), users, "3.10");
    expect(p?.definition).toStrictEqual({ "ha-mode": "all", "ha-sync-mode": "automatic", "message-ttl": 5 });
  });

  it("ignores operator policies (the broker combines them with it: the lower limit wins), other vhosts and apply-to", () => {
    const users = [
      policy({ name: "OP", operator: true, priority: 50, definition: { "message-ttl": 1 } }),
      policy({ name: "ELSEWHERE", vhost: "OTHER", priority: 40, definition: { expires: 1 } }),
      policy({ name: "EXCHANGES", applyTo: "exchanges", priority: 30, definition: { "alternate-exchange": "AE" } }),
      policy({ name: "CLASSIC", applyTo: "classic_queues", priority: 20, definition: { expires: 1 } }),
    ];
    expect(settingsPolicy(withTtl, users, "4.3")).toMatchObject({ priority: 0, definition: { "message-ttl": 600_000, "max-length": 1000 } });
  });
});

describe("deriveSettingsPolicies", () => {
  const users = [policy({ name: "SALE_ALL", priority: 2, definition: { expires: 9 } })];

  it("adds one policy per queue with settings, which then wins for that queue", () => {
    const derived = deriveSettingsPolicies(topology({ queues: [withTtl, queue({ name: "PLAIN" })], policies: users }), "4.3", []);
    expect(derived.policies.map((p) => p.name)).toEqual(["SALE_ALL", settingsPolicyName(withTtl.name)]);
    const target = { kind: "queue" as const, vhost: "SALE_VHOST", name: withTtl.name, queueType: "quorum" as const, version: "4.3" as const };
    expect(winningPolicy(derived.policies, target, false)).toMatchObject({ policy: { name: settingsPolicyName(withTtl.name) }, tie: false });
    expect(winningPolicy(derived.policies, { ...target, name: "PLAIN" }, false).policy?.name).toBe("SALE_ALL");
  });

  it("is idempotent", () => {
    const once = deriveSettingsPolicies(topology({ queues: [withTtl], policies: users }), "4.3", []);
    expect(deriveSettingsPolicies(once, "4.3", [])).toStrictEqual(once);
  });

  it("a changed TTL changes only the generated policy's definition", () => {
    const before = deriveSettingsPolicies(topology({ queues: [withTtl], policies: users }), "4.3", []);
    const after = deriveSettingsPolicies(topology({ queues: [{ ...withTtl, messageTtlMs: 1_200_000 }], policies: users }), "4.3", []);
    expect(after.policies[1]?.definition["message-ttl"]).toBe(1_200_000);
    expect({ ...after.policies[1], definition: {} }).toStrictEqual({ ...before.policies[1], definition: {} });
  });

  it("queues listed in keepQueueArguments (or *) keep their settings as arguments and get no policy", () => {
    const listed = deriveSettingsPolicies(topology({ queues: [withTtl, queue({ name: "OTHER", maxLength: 1 })], policies: [] }), "4.3", [withTtl.name]);
    expect(listed.queues.map((q) => q.settingsAsArguments ?? false)).toEqual([true, false]);
    expect(listed.policies.map((p) => p.generatedFor)).toEqual(["OTHER"]);
    expect(deriveSettingsPolicies(topology({ queues: [withTtl], policies: [] }), "4.3", ["*"]).policies).toEqual([]);
  });
});

describe("exchangeSettingsPolicy: an exchange's alternate exchange as the one policy that applies to it", () => {
  const withAe = exchange({ name: "SALE_X", alternateExchange: "SALE_AE" });

  it("an exchange without an alternate exchange gets none", () => {
    expect(exchangeSettingsPolicy(exchange(), [])).toBeUndefined();
  });

  it("matches this exchange only, on exchanges, with its alternate exchange, named apart from a queue of the same name", () => {
    expect(exchangeSettingsPolicy(withAe, [])).toMatchObject({
      name: exchangeSettingsPolicyName("SALE_X"), pattern: "^SALE_X$", applyTo: "exchanges", priority: 0, definition: { "alternate-exchange": "SALE_AE" }, generatedFor: "SALE_X",
    });
    expect(exchangeSettingsPolicyName("SAME")).not.toBe(settingsPolicyName("SAME"));
  });

  it("merges the user policy that wins for the exchange (exchanges or all), outranks it, and its own alternate exchange wins", () => {
    const users = [
      policy({ name: "FED", applyTo: "exchanges", priority: 4, definition: { "federation-upstream-set": "all", "alternate-exchange": "OLD_AE" } }),
      policy({ name: "ALL", applyTo: "all", priority: 6, definition: { "alternate-exchange": "OTHER_AE", "message-ttl": 5 } }),
      policy({ name: "QUEUES", applyTo: "queues", priority: 9, definition: { expires: 1 } }),
    ];
    const p = exchangeSettingsPolicy(withAe, users);
    expect(p?.priority).toBe(7);
    expect(p?.definition).toStrictEqual({ "alternate-exchange": "SALE_AE", "message-ttl": 5 });
  });

  it("deriveSettingsPolicies adds it (winning for the exchange) unless keepExchangeArguments lists the exchange", () => {
    const base = topology({ exchanges: [withAe, exchange({ name: "PLAIN_X" })], policies: [] });
    const derived = deriveSettingsPolicies(base, "4.3", []);
    expect(derived.policies.map((p) => p.name)).toEqual([exchangeSettingsPolicyName("SALE_X")]);
    expect(winningPolicy(derived.policies, { kind: "exchange", vhost: "SALE_VHOST", name: "SALE_X" }, false).policy?.name).toBe(exchangeSettingsPolicyName("SALE_X"));
    const kept = deriveSettingsPolicies(base, "4.3", [], ["SALE_X"]);
    expect(kept.policies).toEqual([]);
    expect(kept.exchanges.map((x) => x.settingsAsArguments ?? false)).toEqual([true, false]);
    expect(deriveSettingsPolicies(base, "4.3", [], ["*"]).policies).toEqual([]);
  });
});
