import { describe, expect, it } from "vitest";
import { checkReferences } from "../../../model/rules/references";
import { lines, saleTopology, type Raw } from "../fixtures";

const check = (change: (file: Raw) => void, tracing: string[] = []) => {
  const { topology, context } = saleTopology(change);
  return lines(checkReferences(topology, tracing, context));
};

const EXCHANGES_THERE = "declared exchanges there: SALE_ORDER_EXCHANGE";
const QUEUES_THERE = "declared queues there: SALE_ORDER_QUEUE";

describe("references", () => {
  it("accepts a topology whose names all exist, built-in amq.* exchanges included", () => {
    expect(check((f) => f.bindings.push({ vhost: "SALE_VHOST", source: "amq.topic", destination: "SALE_ORDER_QUEUE" }))).toEqual([]);
  });

  it.each<[string, (file: Raw) => void, string]>([
    [
      "a binding to a missing queue",
      (f) => (f.bindings[0].destination = "SALE_ORDERS_QUEUE"),
      `error config/sale.yaml bindings[0].destination: queue "SALE_ORDERS_QUEUE" does not exist in vhost "SALE_VHOST" (${QUEUES_THERE})`,
    ],
    [
      "a binding from a missing exchange",
      (f) => (f.bindings[0].source = "SALE_MISSING_EXCHANGE"),
      `error config/sale.yaml bindings[0].source: source exchange "SALE_MISSING_EXCHANGE" does not exist in vhost "SALE_VHOST" (${EXCHANGES_THERE})`,
    ],
    [
      "an exchange-to-exchange binding to a missing exchange",
      (f) => Object.assign(f.bindings[0], { destination: "SALE_NONE_EXCHANGE", destinationType: "exchange" }),
      `error config/sale.yaml bindings[0].destination: destination exchange "SALE_NONE_EXCHANGE" does not exist in vhost "SALE_VHOST" (${EXCHANGES_THERE})`,
    ],
    [
      "an alternate exchange that does not exist",
      (f) => (f.exchanges[0].alternateExchange = "SALE_UNROUTED_EXCHANGE"),
      `error config/sale.yaml exchanges[0].alternateExchange: alternate exchange "SALE_UNROUTED_EXCHANGE" does not exist in vhost "SALE_VHOST" (${EXCHANGES_THERE})`,
    ],
    [
      "a dead-letter exchange in another vhost",
      (f) => {
        f.vhosts.push({ name: "SALE_DLX_VHOST" });
        f.exchanges.push({ name: "SALE_DLX_EXCHANGE", vhost: "SALE_DLX_VHOST", type: "fanout" });
        f.queues[0].deadLetter = { exchange: "SALE_DLX_EXCHANGE" };
      },
      `error config/sale.yaml queues[0].deadLetter.exchange: dead-letter exchange "SALE_DLX_EXCHANGE" does not exist in vhost "SALE_VHOST" (${EXCHANGES_THERE})`,
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual([expected]);
  });

  it("reports a queue in an undeclared vhost once, and what referred to it where it was", () => {
    expect(check((f) => (f.queues[0].vhost = "OTHER_VHOST"))).toEqual([
      'error config/sale.yaml queues[0].vhost: vhost "OTHER_VHOST" is not declared in any topology file of this stack (declared vhosts: SALE_VHOST)',
      'error config/sale.yaml bindings[0].destination: queue "SALE_ORDER_QUEUE" does not exist in vhost "SALE_VHOST" (no queue is declared there)',
      'error config/sale.yaml users[0].permissions[0].consumes[0]: queue "SALE_ORDER_QUEUE" does not exist in vhost "SALE_VHOST" (no queue is declared there)',
    ]);
  });

  it.each<[string, (file: Raw) => void, string]>([
    [
      "an exchange in an undeclared vhost",
      (f) => f.exchanges.push({ name: "SALE_X_EXCHANGE", vhost: "OTHER_VHOST", type: "direct" }),
      'error config/sale.yaml exchanges[1].vhost: vhost "OTHER_VHOST" is not declared in any topology file of this stack (declared vhosts: SALE_VHOST)',
    ],
    [
      "a permission on a missing queue",
      (f) => (f.users[0].permissions[0].consumes = ["SALE_GONE_QUEUE"]),
      `error config/sale.yaml users[0].permissions[0].consumes[0]: queue "SALE_GONE_QUEUE" does not exist in vhost "SALE_VHOST" (${QUEUES_THERE})`,
    ],
    [
      "a policy dead-lettering to a missing exchange",
      (f) => f.policies.push({ name: "SALE_DLX", vhost: "SALE_VHOST", pattern: ".*", definition: { "dead-letter-exchange": "SALE_DEAD_EXCHANGE" } }),
      `error config/sale.yaml policies[0].definition.dead-letter-exchange: dead-letter exchange "SALE_DEAD_EXCHANGE" does not exist in vhost "SALE_VHOST" (${EXCHANGES_THERE})`,
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual([expected]);
  });

  it("refuses tracing for a vhost no file declares", () => {
    expect(check(() => undefined, ["SALE_VHOST", "GP_VHOST"])).toEqual([
      'error Pulumi.test.yaml config.rabbitmq-ha:topology.tracing[1]: vhost "GP_VHOST" is not declared in any topology file of this stack (declared vhosts: SALE_VHOST)',
    ]);
  });
});
