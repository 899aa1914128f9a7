import { describe, expect, test } from "vitest";
import { expectedExchange, expectedPolicy, expectedQueue } from "../../../verify/topology/expected";
import type { PolicySpec } from "../../../model/types";
import { exchangeSpec, policySpec, queueSpec } from "../support/model";

describe("expectedQueue", () => {
  test("a quorum queue that keeps every setting as an argument: numbers stay numbers, x-queue-type is checked as the type", () => {
    const q = queueSpec({
      settingsAsArguments: true, name: "Q", vhost: "V", type: "quorum", deadLetter: { exchange: "DLX", routingKey: "dead" }, messageTtlMs: 600000,
      maxLength: 10, maxLengthBytes: 4096, overflow: "reject-publish", singleActiveConsumer: true, deliveryLimit: 5, initialGroupSize: 3,
    });
    expect(expectedQueue(q)).toEqual({
      id: "V/Q",
      fields: { type: "quorum", durable: true, auto_delete: false },
      arguments: {
        "x-dead-letter-exchange": "DLX", "x-dead-letter-routing-key": "dead", "x-message-ttl": 600000, "x-max-length": 10,
        "x-max-length-bytes": 4096, "x-overflow": "reject-publish", "x-single-active-consumer": true, "x-delivery-limit": 5,
        "x-quorum-initial-group-size": 3,
      },
    });
  });

  test("settings a policy applies are not expected as arguments (the queue's generated policy is compared with the policies)", () => {
    const q = queueSpec({ name: "Q", vhost: "V", type: "quorum", messageTtlMs: 600000, maxLength: 10, deliveryLimit: 5, initialGroupSize: 3 });
    expect(expectedQueue(q).arguments).toEqual({ "x-quorum-initial-group-size": 3 });
  });

  test("a plain classic queue expects no argument (single active consumer off is not sent)", () => {
    expect(expectedQueue(queueSpec({ name: "Q", vhost: "V" })).arguments).toEqual({});
  });
});

describe("expectedExchange", () => {
  test.each([
    { alternateExchange: undefined, settingsAsArguments: false, args: {} },
    // Applied by the exchange's generated policy: no argument.
    { alternateExchange: "AE", settingsAsArguments: false, args: {} },
    { alternateExchange: "AE", settingsAsArguments: true, args: { "alternate-exchange": "AE" } },
  ])("alternate exchange $alternateExchange (kept as an argument: $settingsAsArguments)", ({ alternateExchange, settingsAsArguments, args }) => {
    expect(expectedExchange(exchangeSpec({ name: "X", vhost: "V", type: "topic", alternateExchange, settingsAsArguments }))).toEqual({
      id: "V/X",
      fields: { type: "topic", durable: true, auto_delete: false, internal: false },
      arguments: args,
    });
  });
});

describe("expectedPolicy: the definition as the provider leaves it on the broker", () => {
  type Case = { case: string; definition: PolicySpec["definition"]; operator: boolean; stored: Record<string, unknown> };
  test.each<Case>([
    { case: "numbers", definition: { "max-length": 5000 }, operator: false, stored: { "max-length": 5000 } },
    { case: "integer-looking strings become integers", definition: { "ha-params": "2" }, operator: false, stored: { "ha-params": 2 } },
    { case: "other strings stay", definition: { "ha-mode": "all", "ha-sync-mode": "automatic" }, operator: false, stored: { "ha-mode": "all", "ha-sync-mode": "automatic" } },
    {
      case: "ha-mode nodes: ha-params is a list again",
      definition: { "ha-mode": "nodes", "ha-params": ["rabbit@a", "rabbit@b"] },
      operator: false,
      stored: { "ha-mode": "nodes", "ha-params": ["rabbit@a", "rabbit@b"] },
    },
    {
      case: "operator policies have no ha-params special case",
      definition: { "max-length-bytes": 256000000 },
      operator: true,
      stored: { "max-length-bytes": 256000000 },
    },
  ])("$case", ({ definition, operator, stored }) => {
    const expected = expectedPolicy(policySpec({ name: "P", vhost: "V", pattern: "^Q", priority: 2, definition, operator }));
    expect(expected.arguments).toEqual(stored);
    expect(expected.fields).toEqual({ pattern: "^Q", "apply-to": "queues", priority: 2 });
    expect(expected.id).toBe(operator ? "V/P (operator policy)" : "V/P");
  });
});
