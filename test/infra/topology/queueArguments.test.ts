import { describe, expect, it } from "vitest";
import { queueArguments } from "../../../infra/topology/queueArguments";
import { queue } from "../../model/derive/fixtures";

describe("queueArguments", () => {
  it.each([
    ["a plain classic queue says only its type", queue({ type: "classic" }), { "x-queue-type": "classic" }],
    ["single active consumer off is left to the default", queue({ singleActiveConsumer: false }), { "x-queue-type": "quorum" }],
    ["a dead-letter exchange without a key keeps the message's key", queue({ deadLetter: { exchange: "DLX", routingKey: undefined } }), { "x-queue-type": "quorum", "x-dead-letter-exchange": "DLX" }],
    ["limits are numbers", queue({ maxLength: 10, maxLengthBytes: 1024, overflow: "drop-head" }), { "x-queue-type": "quorum", "x-max-length": 10, "x-max-length-bytes": 1024, "x-overflow": "drop-head" }],
    ["quorum settings", queue({ deliveryLimit: 5, initialGroupSize: 3, singleActiveConsumer: true }), { "x-queue-type": "quorum", "x-single-active-consumer": true, "x-delivery-limit": 5, "x-quorum-initial-group-size": 3 }],
  ])("%s", (_title, q, expected) => {
    expect(queueArguments(q)).toStrictEqual(expected);
  });
});
