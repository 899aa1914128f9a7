import { describe, expect, test } from "vitest";
import { differences, LISTED_DIFFERENCES, summarise } from "../../../verify/topology/compare";
import type { ExpectedObject } from "../../../verify/topology/expected";

const expected: ExpectedObject = {
  id: "SALE_VHOST/Q",
  fields: { type: "quorum", durable: true },
  arguments: { "x-message-ttl": 600000, "x-dead-letter-exchange": "DLX" },
};
const same = { fields: { type: "quorum", durable: true }, arguments: { "x-message-ttl": 600000, "x-dead-letter-exchange": "DLX" } };

describe("differences", () => {
  test.each([
    { case: "identical", actual: same, found: [] },
    { case: "absent on the broker", actual: undefined, found: ["SALE_VHOST/Q: missing"] },
    { case: "another type", actual: { ...same, fields: { ...same.fields, type: "classic" } }, found: ['SALE_VHOST/Q: type expected "quorum", found "classic"'] },
    {
      case: "a number held as a string",
      actual: { ...same, arguments: { ...same.arguments, "x-message-ttl": "600000" } },
      found: ['SALE_VHOST/Q: x-message-ttl expected 600000, found "600000"'],
    },
    {
      case: "an argument not set",
      actual: { ...same, arguments: { "x-message-ttl": 600000 } },
      found: ['SALE_VHOST/Q: x-dead-letter-exchange expected "DLX", not set'],
    },
    {
      case: "an argument nobody declared",
      actual: { ...same, arguments: { ...same.arguments, "x-max-priority": 10 } },
      found: ["SALE_VHOST/Q: x-max-priority not declared, found 10"],
    },
    {
      case: "x-queue-type added by the broker (3.13+)",
      actual: { ...same, arguments: { ...same.arguments, "x-queue-type": "quorum" } },
      found: [],
    },
    {
      case: "a field the API does not report",
      actual: { ...same, fields: { type: "quorum" } },
      found: ["SALE_VHOST/Q: durable expected true, found undefined"],
    },
  ])("$case", ({ actual, found }) => {
    expect(differences(expected, actual)).toEqual(found);
  });

  test("lists compare element by element (ha-params of ha-mode nodes)", () => {
    const policy: ExpectedObject = { id: "V/P", fields: {}, arguments: { "ha-params": ["rabbit@a", "rabbit@b"] } };
    expect(differences(policy, { fields: {}, arguments: { "ha-params": ["rabbit@a", "rabbit@b"] } })).toEqual([]);
    expect(differences(policy, { fields: {}, arguments: { "ha-params": ["rabbit@b", "rabbit@a"] } })).toEqual([
      'V/P: ha-params expected ["rabbit@a","rabbit@b"], found ["rabbit@b","rabbit@a"]',
    ]);
  });
});

describe("summarise", () => {
  const many = Array.from({ length: LISTED_DIFFERENCES + 2 }, (_, i) => `V/Q${i}: missing`);
  test.each([
    { declared: 0, found: [], outcome: { status: "skip", detail: "no queues declared" } },
    { declared: 4, found: [], outcome: { status: "pass", detail: "4 declared queues match" } },
    { declared: 4, found: ["V/Q: missing"], outcome: { status: "fail", detail: "1 difference in 4 declared queues: V/Q: missing" } },
    {
      declared: 9,
      found: many,
      outcome: { status: "fail", detail: "7 differences in 9 declared queues: V/Q0: missing; V/Q1: missing; V/Q2: missing; V/Q3: missing; V/Q4: missing (+2 more)" },
    },
  ])("$declared declared, $found.length differences", ({ declared, found, outcome }) => {
    expect(summarise("queues", declared, found)).toEqual(outcome);
  });
});
