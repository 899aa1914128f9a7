import { describe, expect, it } from "vitest";
import { deriveTopology } from "../../../model/derive";
import { derivePermissions, escapeRegex, exactNamesPattern } from "../../../model/derive/permissions";
import { exchange, queue, topology, user } from "./fixtures";

describe("exactNamesPattern", () => {
  it.each([
    [[], "^$"],
    [["SALE_TO_PRODUCT_EXCHANGE"], "^SALE_TO_PRODUCT_EXCHANGE$"],
    [["B_QUEUE", "A_QUEUE", "B_QUEUE"], "^(?:A_QUEUE|B_QUEUE)$"],
    [["sale.events", "a+b"], "^(?:a\\+b|sale\\.events)$"],
  ])("%j -> %s", (names, pattern) => {
    expect(exactNamesPattern(names)).toBe(pattern);
  });

  it("matches exactly the names, not names they are a prefix of or that differ in a dot", () => {
    const re = new RegExp(exactNamesPattern(["sale.events", "A_QUEUE"]));
    expect(["sale.events", "A_QUEUE", "saleXevents", "A_QUEUE_2", "X_A_QUEUE", ""].map((n) => re.test(n))).toEqual([
      true, true, false, false, false, false,
    ]);
  });

  it("escapes every regex metacharacter", () => {
    const nasty = "a\\b^c$d.e|f?g*h+i(j)k[l]m{n}";
    expect(new RegExp(`^${escapeRegex(nasty)}$`).test(nasty)).toBe(true);
    expect(new RegExp(`^${escapeRegex(nasty)}$`).test(nasty.replace(".", "X"))).toBe(false);
  });
});

describe("derivePermissions", () => {
  it("gives a publisher write on exactly its exchanges and nothing else", () => {
    const sale = user({ name: "sale-app", grants: [{ vhost: "SALE_VHOST", publishes: ["SALE_TO_PRODUCT_EXCHANGE"], consumes: [] }] });
    expect(derivePermissions(sale)).toEqual([{ vhost: "SALE_VHOST", configure: "^$", write: "^SALE_TO_PRODUCT_EXCHANGE$", read: "^$" }]);
  });

  it("gives a consumer read on exactly its queues, per vhost, sorted by vhost", () => {
    const product = user({
      grants: [
        { vhost: "SALE_VHOST", publishes: [], consumes: ["PRODUCT_PRICE_QUEUE", "PRODUCT_FROM_SALE_QUEUE"] },
        { vhost: "PRODUCT_VHOST", publishes: ["PRODUCT_STORE_EXCHANGE"], consumes: ["PRODUCT_STORE_SYNC_QUEUE"] },
      ],
    });
    expect(derivePermissions(product)).toEqual([
      { vhost: "PRODUCT_VHOST", configure: "^$", write: "^PRODUCT_STORE_EXCHANGE$", read: "^PRODUCT_STORE_SYNC_QUEUE$" },
      { vhost: "SALE_VHOST", configure: "^$", write: "^$", read: "^(?:PRODUCT_FROM_SALE_QUEUE|PRODUCT_PRICE_QUEUE)$" },
    ]);
  });

  it("merges two grants for the same vhost", () => {
    const u = user({
      grants: [
        { vhost: "SALE_VHOST", publishes: ["X_EXCHANGE"], consumes: [] },
        { vhost: "SALE_VHOST", publishes: [], consumes: ["Y_QUEUE"] },
      ],
    });
    expect(derivePermissions(u)).toEqual([{ vhost: "SALE_VHOST", configure: "^$", write: "^X_EXCHANGE$", read: "^Y_QUEUE$" }]);
  });

  it("declares nothing for a user without grants", () => {
    expect(derivePermissions(user())).toEqual([]);
  });

  it("does not grant the alternate exchange of an exchange the user publishes to", () => {
    const t = deriveTopology(topology({
      exchanges: [exchange({ alternateExchange: "SALE_TO_PRODUCT_UNROUTED_EXCHANGE" }), exchange({ name: "SALE_TO_PRODUCT_UNROUTED_EXCHANGE", type: "fanout" })],
      users: [user({ grants: [{ vhost: "SALE_VHOST", publishes: ["SALE_TO_PRODUCT_EXCHANGE"], consumes: [] }] })],
    }));
    expect(derivePermissions(t.users[0]!)[0]!.write).toBe("^SALE_TO_PRODUCT_EXCHANGE$");
  });
});

describe("permissions after the retry expansion", () => {
  const retry = { intervalMs: 120_000, maxAttempts: 3 };
  const grants = (consumes: string[], vhost = "SALE_VHOST", publishes: string[] = []) => [{ vhost, publishes, consumes }];

  it.each([
    ["a consumer of the retried queue may write its parking exchange", grants(["PRODUCT_FROM_SALE_QUEUE"]), "^PRODUCT_FROM_SALE_PARKING_EXCHANGE$"],
    ["a consumer of another queue may not", grants(["PRODUCT_PRICE_QUEUE"]), "^$"],
    ["a same-named queue in another vhost does not count", grants(["PRODUCT_FROM_SALE_QUEUE"], "PRODUCT_VHOST"), "^$"],
    ["a publisher to the work exchange gets nothing extra", grants([], "SALE_VHOST", ["SALE_TO_PRODUCT_EXCHANGE"]), "^SALE_TO_PRODUCT_EXCHANGE$"],
    ["an explicit parking grant is not doubled", grants(["PRODUCT_FROM_SALE_QUEUE"], "SALE_VHOST", ["PRODUCT_FROM_SALE_PARKING_EXCHANGE"]), "^PRODUCT_FROM_SALE_PARKING_EXCHANGE$"],
  ])("%s", (_title, userGrants, write) => {
    const t = deriveTopology(topology({
      queues: [queue({ retry }), queue({ name: "PRODUCT_PRICE_QUEUE" })],
      users: [user({ grants: userGrants })],
    }));
    expect(derivePermissions(t.users[0]!).map((p) => p.write)).toEqual([write]);
    expect(t.users[0]!.grants[0]!.publishes.filter((x) => x === "PRODUCT_FROM_SALE_PARKING_EXCHANGE").length).toBeLessThanOrEqual(1);
  });

  it("never grants the retry exchange or retry queue: dead-lettering needs no permission", () => {
    const t = deriveTopology(topology({ queues: [queue({ retry })], users: [user({ grants: grants(["PRODUCT_FROM_SALE_QUEUE"]) })] }));
    expect(derivePermissions(t.users[0]!)).toEqual([
      { vhost: "SALE_VHOST", configure: "^$", write: "^PRODUCT_FROM_SALE_PARKING_EXCHANGE$", read: "^PRODUCT_FROM_SALE_QUEUE$" },
    ]);
  });
});
