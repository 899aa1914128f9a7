import { describe, expect, it } from "vitest";
import { nameCatalog, shortKey } from "../../cli/names/catalog";
import { deriveTopology } from "../../model/derive";
import { binding, exchange, queue, topology, user, vhost } from "../model/derive/fixtures";

describe("shortKey", () => {
  it.each([
    ["SALE_TO_PRODUCT_EXCHANGE", "SALE", "EXCHANGE", "to-product"],
    ["SALE_VHOST", "SALE", "VHOST", "main"],
    ["PRODUCT_FROM_SALE_QUEUE", "PRODUCT", "QUEUE", "from-sale"],
    ["OTHER_THING_QUEUE", "PRODUCT", "QUEUE", "other-thing"],
    ["sale-app", "SALE", undefined, "app"],
    ["reporting", "SALE", undefined, "reporting"],
  ])("%s in %s -> %s", (name, system, suffix, expected) => {
    expect(shortKey(name, system, suffix)).toBe(expected);
  });
});

describe("nameCatalog", () => {
  const derived = deriveTopology(topology({
    vhosts: [vhost({ origin: { file: "config/sale.yaml", system: "SALE" } })],
    exchanges: [exchange({ origin: { file: "config/sale.yaml", system: "SALE" } })],
    queues: [queue({ retry: { intervalMs: 120_000, maxAttempts: 3 } })],
    bindings: [binding()],
    users: [user()],
  }));
  const catalog = nameCatalog(derived);
  const lines = (system: string) => catalog.find((s) => s.system === system)!.entries.map((e) => `${e.path.join(".")}=${e.value}`);

  it("groups names by the system that declared them", () => {
    expect(catalog.map((s) => [s.system, s.key])).toEqual([["SALE", "sale"], ["PRODUCT", "product"]]);
    expect(lines("SALE")).toEqual([
      "sale.vhost.main.name=SALE_VHOST",
      "sale.exchange.to-product.name=SALE_TO_PRODUCT_EXCHANGE",
      "sale.exchange.to-product.vhost=SALE_VHOST",
      "sale.exchange.to-product.type=topic",
      "sale.exchange.to-product.bindings.0.queue=PRODUCT_FROM_SALE_QUEUE",
      "sale.exchange.to-product.bindings.0.routing-key=sale.order.*",
    ]);
  });

  it("lists a retried queue's retry and parking names and limit under it, and no generated object apart", () => {
    expect(lines("PRODUCT")).toEqual([
      "product.queue.from-sale.name=PRODUCT_FROM_SALE_QUEUE",
      "product.queue.from-sale.vhost=SALE_VHOST",
      "product.queue.from-sale.type=quorum",
      "product.queue.from-sale.bindings.0.exchange=SALE_TO_PRODUCT_EXCHANGE",
      "product.queue.from-sale.bindings.0.routing-key=sale.order.*",
      "product.queue.from-sale.retry.exchange=PRODUCT_FROM_SALE_RETRY_EXCHANGE",
      "product.queue.from-sale.retry.queue=PRODUCT_FROM_SALE_RETRY_QUEUE",
      "product.queue.from-sale.retry.interval-ms=120000",
      "product.queue.from-sale.retry.max-attempts=3",
      "product.queue.from-sale.parking.exchange=PRODUCT_FROM_SALE_PARKING_EXCHANGE",
      "product.queue.from-sale.parking.queue=PRODUCT_FROM_SALE_PARKING_QUEUE",
      "product.user.app.name=product-app",
    ]);
  });

  it("tells same-named queues in two vhosts apart by the vhost", () => {
    const twin = nameCatalog(topology({ exchanges: [], bindings: [], vhosts: [], queues: [queue(), queue({ vhost: "PRODUCT_VHOST" })] }));
    expect(twin[0]!.entries.filter((e) => e.path.at(-1) === "name").map((e) => e.path.join("."))).toEqual([
      "product.queue.from-sale-in-sale-vhost.name",
      "product.queue.from-sale-in-product-vhost.name",
    ]);
  });
});
