import { describe, expect, it } from "vitest";
import { policyDefinition } from "../../../../engine/providers/rabbitmq/policy";
import { argumentsOf } from "../../../../engine/providers/rabbitmq/queue";

describe("policyDefinition (terraform-provider-rabbitmq's putPolicy)", () => {
  it("sends integer-looking strings as integers and keeps the rest as strings", () => {
    expect(policyDefinition({ "ha-mode": "exactly", "ha-params": "2", "ha-sync-mode": "automatic", "max-length-bytes": "256000000", flag: "true" })).toEqual({
      "ha-mode": "exactly",
      "ha-params": 2,
      "ha-sync-mode": "automatic",
      "max-length-bytes": 256000000,
      flag: "true",
    });
  });

  it("splits ha-params into a node list for ha-mode nodes", () => {
    expect(policyDefinition({ "ha-mode": "nodes", "ha-params": "rabbit@a,rabbit@b" })).toEqual({ "ha-mode": "nodes", "ha-params": ["rabbit@a", "rabbit@b"] });
  });

  it("does not split ha-params for an operator policy (resource_operator_policy.go has no such case)", () => {
    expect(policyDefinition({ "ha-mode": "nodes", "ha-params": "rabbit@a,rabbit@b" }, true)).toEqual({ "ha-mode": "nodes", "ha-params": "rabbit@a,rabbit@b" });
  });
});

describe("argumentsOf", () => {
  it("keeps JSON types from argumentsJson", () => {
    expect(argumentsOf({ argumentsJson: '{"x-queue-type":"quorum","x-message-ttl":2000}' }, "q")).toEqual({ "x-queue-type": "quorum", "x-message-ttl": 2000 });
  });

  it("sends plain arguments as strings", () => {
    expect(argumentsOf({ arguments: { "x-max-length": 10 } }, "q")).toEqual({ "x-max-length": "10" });
  });

  it("refuses both forms, which conflict in the provider's schema", () => {
    expect(() => argumentsOf({ arguments: { a: "1" }, argumentsJson: "{}" }, "rabbitmq.Queue q settings")).toThrow(
      'rabbitmq.Queue q settings: "arguments" conflicts with "argumentsJson"',
    );
  });
});
