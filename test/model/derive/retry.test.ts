import { describe, expect, it } from "vitest";
import { deriveTopology } from "../../../model/derive";
import { expandQueueRetry } from "../../../model/derive/retry";
import { queueBaseName, retryObjectNames } from "../../../model/derive/retryNames";
import { binding, exchange, queue, topology } from "./fixtures";
import { deadLetter, route } from "./routing";

const retry = { intervalMs: 120_000, maxAttempts: 3 };
const work = queue({ retry });

describe("retry object names", () => {
  it.each([
    ["PRODUCT_FROM_SALE_QUEUE", "PRODUCT_FROM_SALE"],
    ["orders", "orders"],
    ["_QUEUE", "_QUEUE"],
    ["A_QUEUE_QUEUE", "A_QUEUE"],
  ])("%s has base name %s", (name, base) => {
    expect(queueBaseName(name)).toBe(base);
  });

  it("derives the four names from the base name", () => {
    expect(retryObjectNames("PRODUCT_FROM_SALE_QUEUE")).toEqual({
      retryExchange: "PRODUCT_FROM_SALE_RETRY_EXCHANGE",
      retryQueue: "PRODUCT_FROM_SALE_RETRY_QUEUE",
      parkingExchange: "PRODUCT_FROM_SALE_PARKING_EXCHANGE",
      parkingQueue: "PRODUCT_FROM_SALE_PARKING_QUEUE",
    });
  });
});

describe("expandQueueRetry", () => {
  const x = expandQueueRetry(work, retry);
  const byName = (n: string) => x.queues.find((q) => q.name === n)!;

  it("dead-letters the work queue into its retry exchange, keyed to the retry queue", () => {
    expect(x.workQueue).toEqual({ ...work, deadLetter: { exchange: "PRODUCT_FROM_SALE_RETRY_EXCHANGE", routingKey: "PRODUCT_FROM_SALE_RETRY_QUEUE" } });
  });

  it("makes the retry queue wait the interval, then return to the work queue's key", () => {
    const r = byName("PRODUCT_FROM_SALE_RETRY_QUEUE");
    expect([r.messageTtlMs, r.deadLetter, r.type, r.durable, r.retry]).toEqual([
      120_000, { exchange: "PRODUCT_FROM_SALE_RETRY_EXCHANGE", routingKey: "PRODUCT_FROM_SALE_QUEUE" }, "quorum", true, undefined,
    ]);
  });

  it("parks without TTL or dead-lettering, in a queue of the work queue's type", () => {
    const p = byName("PRODUCT_FROM_SALE_PARKING_QUEUE");
    expect([p.messageTtlMs, p.deadLetter, p.type]).toEqual([undefined, undefined, "quorum"]);
    expect(expandQueueRetry(queue({ type: "classic", durable: false }), retry).queues.map((q) => [q.type, q.durable])).toEqual([
      ["classic", false], ["classic", false],
    ]);
  });

  it("declares a direct retry exchange and a fanout parking exchange, durable", () => {
    expect(x.exchanges.map((e) => [e.name, e.type, e.durable, e.vhost])).toEqual([
      ["PRODUCT_FROM_SALE_RETRY_EXCHANGE", "direct", true, "SALE_VHOST"],
      ["PRODUCT_FROM_SALE_PARKING_EXCHANGE", "fanout", true, "SALE_VHOST"],
    ]);
  });

  it("marks every generated object with the queue it serves and that queue's origin", () => {
    const generated = [...x.exchanges, ...x.queues, ...x.bindings];
    expect(generated).toHaveLength(7);
    for (const g of generated) expect([g.generatedFor, g.origin, g.vhost]).toEqual(["PRODUCT_FROM_SALE_QUEUE", work.origin, "SALE_VHOST"]);
  });
});

describe("a retried message's path through the derived topology", () => {
  // Another subscriber on the same topic exchange: a retry must never reach it.
  const other = queue({ name: "AUDIT_ALL_SALES_QUEUE" });
  const t = deriveTopology(topology({
    queues: [work, other],
    bindings: [binding(), binding({ destination: other.name, routingKey: "sale.#" })],
  }));

  it("goes rejected -> retry queue -> back to the work queue only", () => {
    expect(route(t, "SALE_VHOST", "SALE_TO_PRODUCT_EXCHANGE", "sale.order.created")).toEqual(["AUDIT_ALL_SALES_QUEUE", "PRODUCT_FROM_SALE_QUEUE"]);
    const waiting = deadLetter(t, "SALE_VHOST", "PRODUCT_FROM_SALE_QUEUE", "sale.order.created");
    expect(waiting).toEqual(["PRODUCT_FROM_SALE_RETRY_QUEUE"]);
    expect(deadLetter(t, "SALE_VHOST", waiting[0]!, "PRODUCT_FROM_SALE_RETRY_QUEUE")).toEqual(["PRODUCT_FROM_SALE_QUEUE"]);
  });

  it("parks whatever the consumer publishes to the parking exchange, whatever the key", () => {
    expect(route(t, "SALE_VHOST", "PRODUCT_FROM_SALE_PARKING_EXCHANGE", "sale.order.created")).toEqual(["PRODUCT_FROM_SALE_PARKING_QUEUE"]);
  });
});

describe("deriveTopology", () => {
  it("leaves a topology without retry rules as it was", () => {
    const t = topology();
    expect(deriveTopology(t)).toEqual(t);
  });

  it("puts generated queues right after the queue they serve", () => {
    const t = deriveTopology(topology({ queues: [work, queue({ name: "PRODUCT_PRICE_QUEUE" })] }));
    expect(t.queues.map((q) => q.name)).toEqual([
      "PRODUCT_FROM_SALE_QUEUE", "PRODUCT_FROM_SALE_RETRY_QUEUE", "PRODUCT_FROM_SALE_PARKING_QUEUE", "PRODUCT_PRICE_QUEUE",
    ]);
    expect(t.exchanges.map((e) => e.name)).toEqual(["SALE_TO_PRODUCT_EXCHANGE", "PRODUCT_FROM_SALE_RETRY_EXCHANGE", "PRODUCT_FROM_SALE_PARKING_EXCHANGE"]);
  });

  it("is idempotent", () => {
    const once = deriveTopology(topology({ queues: [work], exchanges: [exchange()] }));
    expect(deriveTopology(once)).toEqual(once);
  });

  it("expands same-named queues in different vhosts separately", () => {
    const t = deriveTopology(topology({ queues: [work, queue({ retry, vhost: "PRODUCT_VHOST" })] }));
    expect(t.exchanges.filter((e) => e.name === "PRODUCT_FROM_SALE_RETRY_EXCHANGE").map((e) => e.vhost)).toEqual(["SALE_VHOST", "PRODUCT_VHOST"]);
  });
});
