import type { ConsumeMessage } from "amqplib";
import { describe, expect, test } from "vitest";
import { judgeDelivery } from "../../../verify/checks/delivery";
import { probeBody } from "../../../verify/probe/identity";

const RUN = "run1-abcdef";
const message = (seq: number, changes: { body?: Buffer; deliveryMode?: number } = {}) =>
  ({
    content: changes.body ?? probeBody(RUN, seq),
    fields: {},
    properties: { messageId: `${RUN}-${seq}`, deliveryMode: changes.deliveryMode ?? 2, headers: {} },
  }) as unknown as ConsumeMessage;
const all = (count: number) => Array.from({ length: count }, (_, i) => message(i + 1));

describe("judgeDelivery", () => {
  test.each([
    { case: "all back", messages: all(3), outcome: { status: "pass", detail: "3 persistent messages confirmed, consumed and acked" } },
    { case: "one missing", messages: [message(1), message(3)], outcome: { status: "fail", detail: "of 3 confirmed: 1 confirmed but not delivered (#2)" } },
    { case: "none back", messages: [], outcome: { status: "fail", detail: "of 3 confirmed: 3 confirmed but not delivered (#1, #2, #3)" } },
    { case: "a damaged body", messages: [message(1), message(2, { body: Buffer.from("x") }), message(3)], outcome: { status: "fail", detail: "of 3 confirmed: 1 arrived with a different body" } },
    { case: "a duplicate", messages: [...all(3), message(2)], outcome: { status: "fail", detail: "of 3 confirmed: 1 delivered twice" } },
    {
      case: "not persistent, and missing",
      messages: [message(1, { deliveryMode: 1 }), message(2)],
      outcome: { status: "fail", detail: "of 3 confirmed: 1 confirmed but not delivered (#3); 1 arrived without the persistent flag" },
    },
  ])("$case", ({ messages, outcome }) => {
    expect(judgeDelivery(RUN, 3, messages)).toEqual(outcome);
  });
});
