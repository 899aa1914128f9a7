import { describe, expect, it } from "vitest";
import { policyDefinition } from "../../../infra/topology/policyDefinition";

describe("policyDefinition", () => {
  it.each([
    [{ "message-ttl": 60000 }, { "message-ttl": "60000" }],
    [{ "ha-mode": "exactly", "ha-params": 2 }, { "ha-mode": "exactly", "ha-params": "2" }],
    [{ "ha-mode": "nodes", "ha-params": ["rabbit@a", "rabbit@b"] }, { "ha-mode": "nodes", "ha-params": "rabbit@a,rabbit@b" }],
    [{ "queue-mode": "lazy", "x-flag": true }, { "queue-mode": "lazy", "x-flag": "true" }],
  ])("%j -> %j", (definition, expected) => {
    expect(policyDefinition(definition)).toStrictEqual(expected);
  });
});
