import { describe, expect, it } from "vitest";
import { checkDeadLetterCycles, stronglyConnected } from "../../../model/rules/deadLetterCycles";
import { lines, saleTopology, type Raw } from "../fixtures";

const check = (change: (file: Raw) => void) => {
  const { topology, context } = saleTopology(change);
  return lines(checkDeadLetterCycles(topology, context));
};

/** SALE_ORDER_QUEUE dead-letters to SALE_DLX_EXCHANGE, bound to SALE_DEAD_QUEUE, which dead-letters back. */
function twoQueueCycle(f: Raw): void {
  f.exchanges.push({ name: "SALE_DLX_EXCHANGE", vhost: "SALE_VHOST", type: "fanout" });
  f.queues[0].deadLetter = { exchange: "SALE_DLX_EXCHANGE" };
  f.queues.push({ name: "SALE_DEAD_QUEUE", vhost: "SALE_VHOST", deadLetter: { exchange: "SALE_ORDER_EXCHANGE" } });
  f.bindings.push({ vhost: "SALE_VHOST", source: "SALE_DLX_EXCHANGE", destination: "SALE_DEAD_QUEUE" });
}

const TWO_QUEUE_CYCLE =
  'error config/sale.yaml queues[0].deadLetter.exchange: dead-letter cycle "SALE_ORDER_QUEUE" -> "SALE_DEAD_QUEUE" -> "SALE_ORDER_QUEUE" in vhost "SALE_VHOST" never ends (give one of these queues a messageTtl or a deliveryLimit, or dead-letter elsewhere)';

describe("dead-letter cycles", () => {
  it("accepts dead-lettering that ends in a queue without a dead-letter exchange", () => {
    expect(
      check((f) => {
        twoQueueCycle(f);
        delete f.queues[1].deadLetter;
      }),
    ).toEqual([]);
  });

  it("refuses a cycle through two queues", () => {
    expect(check(twoQueueCycle)).toEqual([TWO_QUEUE_CYCLE]);
  });

  it("refuses a queue dead-lettering into itself", () => {
    expect(check((f) => (f.queues[0].deadLetter = { exchange: "SALE_ORDER_EXCHANGE", routingKey: "order.retry" }))).toEqual([
      'error config/sale.yaml queues[0].deadLetter.exchange: dead-letter cycle "SALE_ORDER_QUEUE" -> "SALE_ORDER_QUEUE" in vhost "SALE_VHOST" never ends (give one of these queues a messageTtl or a deliveryLimit, or dead-letter elsewhere)',
    ]);
  });

  it.each<[string, (file: Raw) => void]>([
    ["a message TTL", (f) => (f.queues[1].messageTtl = "2m")],
    ["a delivery limit", (f) => (f.queues[0].deliveryLimit = 5)],
    ["a TTL from a policy", (f) => f.policies.push({ name: "SALE_TTL", vhost: "SALE_VHOST", pattern: "DEAD", definition: { "message-ttl": "30s" } })],
    ["a delivery limit from an operator policy", (f) => f.policies.push({ name: "SALE_CAP", vhost: "SALE_VHOST", pattern: ".*", operator: true, definition: { "delivery-limit": 3 } })],
  ])("accepts a cycle broken by %s", (_, breaker) => {
    expect(
      check((f) => {
        twoQueueCycle(f);
        breaker(f);
      }),
    ).toEqual([]);
  });

  it("follows alternate exchanges and exchange-to-exchange bindings, ignoring routing keys", () => {
    expect(
      check((f) => {
        f.exchanges.push(
          { name: "SALE_DLX_EXCHANGE", vhost: "SALE_VHOST", type: "direct", alternateExchange: "SALE_UNROUTED_EXCHANGE" },
          { name: "SALE_UNROUTED_EXCHANGE", vhost: "SALE_VHOST", type: "fanout" },
        );
        f.queues[0].deadLetter = { exchange: "SALE_DLX_EXCHANGE" };
        f.bindings.push({ vhost: "SALE_VHOST", source: "SALE_UNROUTED_EXCHANGE", destination: "SALE_ORDER_EXCHANGE", destinationType: "exchange", routingKey: "never.matches" });
      }),
    ).toEqual([
      'error config/sale.yaml queues[0].deadLetter.exchange: dead-letter cycle "SALE_ORDER_QUEUE" -> "SALE_ORDER_QUEUE" in vhost "SALE_VHOST" never ends (give one of these queues a messageTtl or a deliveryLimit, or dead-letter elsewhere)',
    ]);
  });

  it("follows a dead-letter exchange set by a policy, pointing at the queue", () => {
    expect(
      check((f) => f.policies.push({ name: "SALE_DLX", vhost: "SALE_VHOST", pattern: "^SALE_ORDER", applyTo: "queues", definition: { "dead-letter-exchange": "SALE_ORDER_EXCHANGE" } })),
    ).toEqual([
      'error config/sale.yaml queues[0]: dead-letter cycle "SALE_ORDER_QUEUE" -> "SALE_ORDER_QUEUE" in vhost "SALE_VHOST" never ends (give one of these queues a messageTtl or a deliveryLimit, or dead-letter elsewhere)',
    ]);
  });

  it("ignores a dead-letter exchange from a policy the quorum queue skips (it carries a mirroring key)", () => {
    const dlx = (name: string, priority: number, extra: Raw = {}) => ({
      name, vhost: "SALE_VHOST", pattern: "^SALE_ORDER", applyTo: "queues", priority, definition: { "dead-letter-exchange": "SALE_ORDER_EXCHANGE", ...extra },
    });
    // SALE_ORDER_QUEUE is a quorum queue: RabbitMQ skips the mirror policy, so no policy dead-letters it.
    expect(check((f) => f.policies.push(dlx("SALE_MIRROR_DLX", 5, { "ha-mode": "all" })))).toEqual([]);
    expect(check((f) => (f.queues[0].type = "classic") && f.policies.push(dlx("SALE_MIRROR_DLX", 5, { "ha-mode": "all" })))).toEqual([
      'error config/sale.yaml queues[0]: dead-letter cycle "SALE_ORDER_QUEUE" -> "SALE_ORDER_QUEUE" in vhost "SALE_VHOST" never ends (give one of these queues a messageTtl or a deliveryLimit, or dead-letter elsewhere)',
    ]);
  });

  it("finds strongly connected components", () => {
    expect(stronglyConnected([[1], [2], [0], [3], []]).map((c) => c.join(","))).toEqual(["0,1,2", "3", "4"]);
  });
});
