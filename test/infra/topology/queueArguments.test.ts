import { describe, expect, it } from "vitest";
import { queueArguments } from "../../../infra/topology/queueArguments";
import { queue } from "../../model/derive/fixtures";

const settings = { deadLetter: { exchange: "DLX", routingKey: undefined }, messageTtlMs: 1000, maxLength: 10, maxLengthBytes: 1024, overflow: "drop-head" as const, deliveryLimit: 5 };

describe("queueArguments", () => {
  it.each([
    ["a plain classic queue says only its type", queue({ type: "classic" }), { "x-queue-type": "classic" }],
    ["single active consumer off is left to the default", queue({ singleActiveConsumer: false }), { "x-queue-type": "quorum" }],
    ["policy-applicable settings are left to the queue's policy", queue(settings), { "x-queue-type": "quorum" }],
    ["declare-only settings stay arguments", queue({ initialGroupSize: 3, singleActiveConsumer: true }), { "x-queue-type": "quorum", "x-single-active-consumer": true, "x-quorum-initial-group-size": 3 }],
    [
      "a queue that keeps its arguments (keepQueueArguments) declares its settings as before",
      queue({ ...settings, singleActiveConsumer: true, settingsAsArguments: true }),
      { "x-queue-type": "quorum", "x-dead-letter-exchange": "DLX", "x-message-ttl": 1000, "x-max-length": 10, "x-max-length-bytes": 1024, "x-overflow": "drop-head", "x-single-active-consumer": true, "x-delivery-limit": 5 },
    ],
  ])("%s", (_title, q, expected) => {
    expect(queueArguments(q)).toStrictEqual(expected);
  });

  it("keeps the key order earlier releases sent (argumentsJson is compared as text)", () => {
    const q = queue({ ...settings, deadLetter: { exchange: "DLX", routingKey: "k" }, singleActiveConsumer: true, initialGroupSize: 3, settingsAsArguments: true });
    expect(JSON.stringify(queueArguments(q))).toBe(
      '{"x-queue-type":"quorum","x-dead-letter-exchange":"DLX","x-dead-letter-routing-key":"k","x-message-ttl":1000,"x-max-length":10,"x-max-length-bytes":1024,"x-overflow":"drop-head","x-single-active-consumer":true,"x-delivery-limit":5,"x-quorum-initial-group-size":3}',
    );
  });
});
