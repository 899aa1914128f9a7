import { describe, expect, it } from "vitest";
import { checkName, checkNaming } from "../../../model/rules/naming";
import { DEFAULT_NAMING } from "../../../model/schema/naming";
import { lines, saleTopology, stackOf, type Raw } from "../fixtures";

const naming = stackOf().naming;
const check = (change: (file: Raw) => void, rules = naming) => {
  const { topology, context } = saleTopology(change);
  return lines(checkNaming(topology, rules, context));
};

describe("naming rules", () => {
  it("accepts the seed's conventions", () => {
    expect(check(() => undefined)).toEqual([]);
  });

  it.each<[string, (file: Raw) => void, string[]]>([
    [
      "an exchange off the convention",
      (f) => (f.exchanges[0].name = "SALE_ORDERS"),
      [
        'error config/sale.yaml exchanges[0].name: exchange name "SALE_ORDERS" does not follow the naming convention (must match ^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_EXCHANGE$)',
      ],
    ],
    [
      "a queue of another system",
      (f) => (f.queues[0].name = "PRODUCT_ORDER_QUEUE"),
      ['error config/sale.yaml queues[0].name: queue name "PRODUCT_ORDER_QUEUE" does not start with "SALE_" (objects start with their file\'s system; requireSystemPrefix)'],
    ],
    [
      "a lowercase vhost",
      (f) => (f.vhosts[0].name = "SALE_vhost"),
      ['error config/sale.yaml vhosts[0].name: vhost name "SALE_vhost" does not follow the naming convention (must match ^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_VHOST$)'],
    ],
    [
      "an uppercase user",
      (f) => (f.users[0].name = "SaleApp"),
      ['error config/sale.yaml users[0].name: user name "SaleApp" does not follow the naming convention (must match ^[a-z][a-z0-9-]*$)'],
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual(expected);
  });

  it("refuses the amq. prefix and a slash even when a custom convention allows them", () => {
    const loose = { ...DEFAULT_NAMING, exchange: ".*", queue: ".*", requireSystemPrefix: false };
    expect(
      check((f) => {
        f.exchanges[0].name = "amq.sale";
        f.queues[0].name = "SALE/ORDERS";
      }, loose),
    ).toEqual([
      'error config/sale.yaml exchanges[0].name: exchange name "amq.sale" starts with "amq." (reserved for RabbitMQ\'s built-in objects)',
      'error config/sale.yaml queues[0].name: queue name "SALE/ORDERS" contains "/" (not allowed: resource ids are name@vhost and binding ids use "/")',
    ]);
  });

  it("applies a per-stack convention, anchored even when written without anchors", () => {
    const custom = { ...DEFAULT_NAMING, queue: "[a-z.]+", requireSystemPrefix: false };
    expect(check((f) => (f.queues[0].name = "sale.orders"), custom)).toEqual([]);
    expect(check((f) => (f.queues[0].name = "sale.orders!"), custom)).toEqual([
      'error config/sale.yaml queues[0].name: queue name "sale.orders!" does not follow the naming convention (must match [a-z.]+)',
    ]);
  });

  it("skips the system prefix when requireSystemPrefix is false", () => {
    expect(check((f) => (f.queues[0].name = "PRODUCT_ORDER_QUEUE"), { ...naming, requireSystemPrefix: false })).toEqual([]);
  });

  it("checkName without a system checks the pattern only", () => {
    expect(checkName("queue", "ANY_QUEUE", naming)).toEqual([]);
    expect(checkName("user", "amq.user", naming)).toEqual(['user name "amq.user" does not follow the naming convention (must match ^[a-z][a-z0-9-]*$)']);
  });
});
