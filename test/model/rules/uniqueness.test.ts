import { describe, expect, it } from "vitest";
import { checkUniqueness } from "../../../model/rules/uniqueness";
import { lines, saleFile, saleTopology, topologyOf, type Raw } from "../fixtures";

const check = (change: (file: Raw) => void) => {
  const { topology, context } = saleTopology(change);
  return lines(checkUniqueness(topology, context));
};

describe("unique names", () => {
  it("accepts distinct names, and an exchange and a queue may share a name", () => {
    expect(check((f) => f.queues.push({ name: "SALE_ORDER_EXCHANGE", vhost: "SALE_VHOST" }))).toEqual([]);
  });

  it.each<[string, (file: Raw) => void, string]>([
    [
      "a queue twice in one vhost",
      (f) => f.queues.push({ name: "SALE_ORDER_QUEUE", vhost: "SALE_VHOST" }),
      'error config/sale.yaml queues[1].name: duplicate queue "SALE_ORDER_QUEUE" in vhost "SALE_VHOST" (first declared at config/sale.yaml@queues[0].name; queue names are unique per vhost)',
    ],
    [
      "an exchange twice in one vhost",
      (f) => f.exchanges.push({ name: "SALE_ORDER_EXCHANGE", vhost: "SALE_VHOST", type: "direct" }),
      'error config/sale.yaml exchanges[1].name: duplicate exchange "SALE_ORDER_EXCHANGE" in vhost "SALE_VHOST" (first declared at config/sale.yaml@exchanges[0].name; exchange names are unique per vhost)',
    ],
    [
      "a vhost twice",
      (f) => f.vhosts.push({ name: "SALE_VHOST" }),
      'error config/sale.yaml vhosts[1].name: duplicate vhost "SALE_VHOST" (first declared at config/sale.yaml@vhosts[0].name; vhost names are unique in the stack)',
    ],
    [
      "a user twice",
      (f) => f.users.push({ name: "sale-app" }),
      'error config/sale.yaml users[1].name: duplicate user "sale-app" (first declared at config/sale.yaml@users[0].name; user names are unique in the stack)',
    ],
    [
      "the same binding twice",
      (f) => f.bindings.push({ ...f.bindings[0] }),
      'error config/sale.yaml bindings[1]: duplicate binding SALE_ORDER_EXCHANGE -> SALE_ORDER_QUEUE with routing key "order.*" in vhost "SALE_VHOST" (first declared at config/sale.yaml@bindings[0]; a binding is declared once)',
    ],
    [
      "two permission entries for one vhost",
      (f) => f.users[0].permissions.push({ vhost: "SALE_VHOST" }),
      'error config/sale.yaml users[0].permissions[1].vhost: duplicate permissions for vhost "SALE_VHOST" (first declared at config/sale.yaml@users[0].permissions[0].vhost; one permissions entry per vhost for user "sale-app")',
    ],
    [
      "a policy name twice in one vhost",
      (f) =>
        f.policies.push(
          { name: "SALE_TTL", vhost: "SALE_VHOST", pattern: "^A", definition: { "message-ttl": 1000 } },
          { name: "SALE_TTL", vhost: "SALE_VHOST", pattern: "^B", definition: { "message-ttl": 1000 } },
        ),
      'error config/sale.yaml policies[1].name: duplicate policy "SALE_TTL" in vhost "SALE_VHOST" (first declared at config/sale.yaml@policies[0].name; policy names are unique per vhost)',
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual([expected]);
  });

  it("lets a policy and an operator policy share a name", () => {
    const policy = { name: "SALE_CAP", vhost: "SALE_VHOST", pattern: "^A", definition: { "max-length": 10 } };
    expect(check((f) => f.policies.push(policy, { ...policy, operator: true }))).toEqual([]);
  });

  it("sees duplicates across files and says where the first one is", () => {
    const other = { system: "PRODUCT", queues: [{ name: "SALE_ORDER_QUEUE", vhost: "SALE_VHOST" }] };
    const { topology, context } = topologyOf({ "config/sale.yaml": saleFile(), "config/product.yaml": other });
    expect(lines(checkUniqueness(topology, context))).toEqual([
      'error config/product.yaml queues[0].name: duplicate queue "SALE_ORDER_QUEUE" in vhost "SALE_VHOST" (first declared at config/sale.yaml@queues[0].name; queue names are unique per vhost)',
    ]);
  });
});
