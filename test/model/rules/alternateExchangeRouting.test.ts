import { describe, expect, it } from "vitest";
import { checkAlternateExchangeRouting } from "../../../model/rules/alternateExchangeRouting";
import { lines, saleTopology, type Raw } from "../fixtures";

const check = (change: (file: Raw) => void) => {
  const { topology, context } = saleTopology(change);
  return lines(checkAlternateExchangeRouting(topology, "4.1", context));
};

/** SALE_ORDER_EXCHANGE's alternate is SALE_UNROUTED_EXCHANGE (of `type`), bound to SALE_UNROUTED_QUEUE with `key`. */
const alternate = (type: string, key?: string) => (f: Raw) => {
  f.exchanges[0].alternateExchange = "SALE_UNROUTED_EXCHANGE";
  f.exchanges.push({ name: "SALE_UNROUTED_EXCHANGE", vhost: "SALE_VHOST", type });
  f.queues.push({ name: "SALE_UNROUTED_QUEUE", vhost: "SALE_VHOST", type: "quorum" });
  if (key !== undefined) f.bindings.push({ vhost: "SALE_VHOST", source: "SALE_UNROUTED_EXCHANGE", destination: "SALE_UNROUTED_QUEUE", routingKey: key });
};
/** The same alternate exchange, set by a policy instead. */
const byPolicy = (type: string, key?: string) => (f: Raw) => {
  alternate(type, key)(f);
  delete f.exchanges[0].alternateExchange;
  f.policies.push({ name: "SALE_AE", vhost: "SALE_VHOST", pattern: "^SALE_ORDER_", applyTo: "exchanges", definition: { "alternate-exchange": "SALE_UNROUTED_EXCHANGE" } });
};

describe("alternate exchanges that route nothing", () => {
  it.each<[string, (file: Raw) => void]>([
    ["no alternate exchange", () => undefined],
    ["a fanout alternate exchange with a binding", alternate("fanout", "")],
    ["a topic alternate exchange bound with #", alternate("topic", "#")],
    ["a fanout alternate exchange set by a policy", byPolicy("fanout", "")],
  ])("accepts %s", (_, change) => {
    expect(check(change)).toEqual([]);
  });

  it.each<[string, (file: Raw) => void, string]>([
    [
      "an alternate exchange nothing is bound to",
      alternate("fanout"),
      'error config/sale.yaml exchanges[0].alternateExchange: alternate exchange "SALE_UNROUTED_EXCHANGE" (fanout) of exchange "SALE_ORDER_EXCHANGE" has no binding: what "SALE_ORDER_EXCHANGE" cannot route is dropped (bind a queue to "SALE_UNROUTED_EXCHANGE"; a fanout exchange takes every key)',
    ],
    [
      "an alternate exchange set by a policy, nothing bound to it",
      byPolicy("direct"),
      'error config/sale.yaml policies[0].definition.alternate-exchange: alternate exchange "SALE_UNROUTED_EXCHANGE" (set by policy "SALE_AE") (direct) of exchange "SALE_ORDER_EXCHANGE" has no binding: what "SALE_ORDER_EXCHANGE" cannot route is dropped (bind a queue to "SALE_UNROUTED_EXCHANGE"; a fanout exchange takes every key)',
    ],
    [
      "a direct alternate exchange bound with one key",
      alternate("direct", "order.unknown"),
      'warning config/sale.yaml exchanges[0].alternateExchange: alternate exchange "SALE_UNROUTED_EXCHANGE" (direct) of exchange "SALE_ORDER_EXCHANGE" may drop what "SALE_ORDER_EXCHANGE" cannot route: it gets any key and its bindings match only some (make it a fanout exchange, or bind "#" on a topic exchange)',
    ],
  ])("reports %s", (_, change, expected) => {
    expect(check(change)).toEqual([expected]);
  });
});
