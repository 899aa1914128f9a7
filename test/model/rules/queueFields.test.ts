import { describe, expect, it } from "vitest";
import { checkQueueFields } from "../../../model/rules/queueFields";
import { lines, saleTopology, type Raw } from "../fixtures";

const check = (change: (file: Raw) => void) => {
  const { topology, context } = saleTopology(change);
  return lines(checkQueueFields(topology, context));
};

describe("queue cross-field rules", () => {
  it.each<[string, (file: Raw) => void]>([
    ["a quorum queue with a delivery limit and group size", (f) => Object.assign(f.queues[0], { deliveryLimit: 5, initialGroupSize: 3 })],
    ["a classic queue with reject-publish-dlx", (f) => Object.assign(f.queues[0], { type: "classic", overflow: "reject-publish-dlx" })],
    ["a classic auto-delete, non-durable queue", (f) => Object.assign(f.queues[0], { type: "classic", durable: false, autoDelete: true })],
    ["a retry without a dead-letter exchange", (f) => (f.queues[0].retry = { every: "2m", maxAttempts: 3 })],
  ])("accepts %s", (_, change) => {
    expect(check(change)).toEqual([]);
  });

  it.each<[string, (file: Raw) => void, string]>([
    ["a non-durable quorum queue", (f) => (f.queues[0].durable = false), "error config/sale.yaml queues[0].durable: durable: false on a quorum queue (quorum queues are always durable; remove durable or set it to true)"],
    ["an auto-delete quorum queue", (f) => (f.queues[0].autoDelete = true), "error config/sale.yaml queues[0].autoDelete: autoDelete: true on a quorum queue (quorum queues cannot be auto-deleted; use a classic queue)"],
    [
      "a delivery limit on a classic queue",
      (f) => Object.assign(f.queues[0], { type: "classic", deliveryLimit: 3 }),
      'error config/sale.yaml queues[0].deliveryLimit: deliveryLimit on classic queue "SALE_ORDER_QUEUE" (quorum queues only; set type: quorum or remove it)',
    ],
    [
      "an initial group size on a classic queue",
      (f) => Object.assign(f.queues[0], { type: "classic", initialGroupSize: 3 }),
      'error config/sale.yaml queues[0].initialGroupSize: initialGroupSize on classic queue "SALE_ORDER_QUEUE" (quorum queues only; set type: quorum or remove it)',
    ],
    ["a delivery limit of zero", (f) => (f.queues[0].deliveryLimit = 0), "error config/sale.yaml queues[0].deliveryLimit: deliveryLimit 0 (a positive number of deliveries, or -1 for unlimited on 4.x)"],
    [
      "reject-publish-dlx on a quorum queue",
      (f) => (f.queues[0].overflow = "reject-publish-dlx"),
      'error config/sale.yaml queues[0].overflow: overflow "reject-publish-dlx" on a quorum queue (quorum queues allow drop-head or reject-publish)',
    ],
    [
      "retry together with deadLetter",
      (f) => Object.assign(f.queues[0], { retry: { every: "2m", maxAttempts: 3 }, deadLetter: { exchange: "SALE_ORDER_EXCHANGE" } }),
      "error config/sale.yaml queues[0].retry: retry and deadLetter are both set (retry dead-letters into its own retry queue; keep one of them)",
    ],
    [
      "retry on an auto-delete queue",
      (f) => Object.assign(f.queues[0], { type: "classic", autoDelete: true, retry: { every: "2m", maxAttempts: 3 } }),
      'error config/sale.yaml queues[0].autoDelete: autoDelete: true with retry on queue "SALE_ORDER_QUEUE" (when its last consumer goes the queue is deleted and the messages waiting in its retry queue are lost; set autoDelete: false or remove retry)',
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual([expected]);
  });

  it("applies quorum rules to a queue that is quorum by its vhost's default type", () => {
    expect(
      check((f) => {
        f.vhosts[0].defaultQueueType = "quorum";
        delete f.queues[0].type;
        f.queues[0].autoDelete = true;
      }),
    ).toEqual(["error config/sale.yaml queues[0].autoDelete: autoDelete: true on a quorum queue (quorum queues cannot be auto-deleted; use a classic queue)"]);
  });
});
