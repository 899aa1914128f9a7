import { describe, expect, it } from "vitest";
import { checkDeadLetterRouting } from "../../../model/rules/deadLetterRouting";
import { deriveTopology } from "../../../model/derive/index";
import { carryLocations } from "../../../model/locations";
import { lines, saleTopology, type Raw } from "../fixtures";

const check = (change: (file: Raw) => void) => {
  const { topology, context } = saleTopology(change);
  const derived = deriveTopology(topology);
  carryLocations(topology, derived, context.locations);
  return lines(checkDeadLetterRouting(derived, "4.1", context));
};

/** SALE_ORDER_QUEUE dead-letters to SALE_DLX_EXCHANGE (of `type`), bound to SALE_DEAD_QUEUE with `key`. */
const dlx = (type: string, key?: string, routingKey?: string, args: Raw = {}) => (f: Raw) => {
  f.exchanges.push({ name: "SALE_DLX_EXCHANGE", vhost: "SALE_VHOST", type });
  f.queues.push({ name: "SALE_DEAD_QUEUE", vhost: "SALE_VHOST", type: "quorum" });
  if (key !== undefined) f.bindings.push({ vhost: "SALE_VHOST", source: "SALE_DLX_EXCHANGE", destination: "SALE_DEAD_QUEUE", routingKey: key, arguments: args });
  f.queues[0].deadLetter = { exchange: "SALE_DLX_EXCHANGE", routingKey };
};
/** The order exchange becomes a direct exchange and the queue is bound with "order.created". */
const direct = (f: Raw) => {
  f.exchanges[0].type = "direct";
  f.bindings[0].routingKey = "order.created";
};
const both = (...changes: ((f: Raw) => void)[]) => (f: Raw) => changes.forEach((change) => change(f));

describe("dead letters that no binding routes", () => {
  it.each<[string, (file: Raw) => void]>([
    ["no dead-letter exchange", () => undefined],
    ["a fanout dead-letter exchange with a binding", dlx("fanout", "")],
    ["a direct dead-letter exchange bound with the queue's dead-letter routing key", dlx("direct", "dead", "dead")],
    ["a topic dead-letter exchange bound with #, for keys published by a pattern", dlx("topic", "#")],
    ["a topic dead-letter exchange bound with the same pattern the queue is bound with", dlx("topic", "order.*")],
    ["the original key of a direct binding, bound at the dead-letter exchange", both(direct, dlx("direct", "order.created"))],
    ["the original key matched by a topic binding at the dead-letter exchange", both(direct, dlx("topic", "order.#"))],
    ["a headers binding that matches every message", dlx("headers", "", undefined, { "x-match": "all" })],
    ["the retry expansion's exchanges, queues and bindings", (f) => (f.queues[0].retry = { every: "2m", maxAttempts: 3 })],
  ])("accepts %s", (_, change) => {
    expect(check(change)).toEqual([]);
  });

  it.each<[string, (file: Raw) => void, string]>([
    [
      "a dead-letter routing key the dead-letter exchange does not bind",
      dlx("direct", "dead.letter", "dead"),
      'error config/sale.yaml queues[0].deadLetter.exchange: dead letters of queue "SALE_ORDER_QUEUE" are dropped: dead-letter exchange "SALE_DLX_EXCHANGE" (direct) has no binding for routing key "dead" (bind a queue to it for that key, or set deadLetter.routingKey to a key it routes)',
    ],
    [
      "the queue's name as the key, when dead letters keep their original key",
      both(direct, dlx("direct", "SALE_ORDER_QUEUE")),
      'error config/sale.yaml queues[0].deadLetter.exchange: dead letters of queue "SALE_ORDER_QUEUE" are dropped: dead-letter exchange "SALE_DLX_EXCHANGE" (direct) has no binding for the routing key they were published with ("order.created") (bind a queue to it for that key, or set deadLetter.routingKey to a key it routes)',
    ],
    [
      "a dead-letter exchange nothing is bound to",
      dlx("topic"),
      'error config/sale.yaml queues[0].deadLetter.exchange: dead letters of queue "SALE_ORDER_QUEUE" are dropped: dead-letter exchange "SALE_DLX_EXCHANGE" (topic) has no binding for the routing keys they were published with (any key matching "order.*") (bind a queue to it for that key, or set deadLetter.routingKey to a key it routes)',
    ],
    [
      "a dead-letter exchange and key set by a policy",
      (f) => {
        dlx("direct", "dead.letter")(f);
        delete f.queues[0].deadLetter;
        f.policies.push({ name: "SALE_DLX", vhost: "SALE_VHOST", pattern: "^SALE_ORDER", applyTo: "queues", definition: { "dead-letter-exchange": "SALE_DLX_EXCHANGE", "dead-letter-routing-key": "dead" } });
      },
      'error config/sale.yaml queues[0]: dead letters of queue "SALE_ORDER_QUEUE" are dropped: dead-letter exchange "SALE_DLX_EXCHANGE" (set by policy "SALE_DLX") (direct) has no binding for routing key "dead" (bind a queue to it for that key, or set deadLetter.routingKey to a key it routes)',
    ],
    [
      "keys published by a topic pattern, at a direct exchange bound with one of them",
      dlx("direct", "order.created"),
      'warning config/sale.yaml queues[0].deadLetter.exchange: dead letters of queue "SALE_ORDER_QUEUE" may be dropped: whether dead-letter exchange "SALE_DLX_EXCHANGE" (direct) routes the routing keys they were published with (any key matching "order.*") cannot be decided from the config (bind a queue to it for every key, e.g. a fanout exchange or "#" on a topic exchange, or set deadLetter.routingKey)',
    ],
    [
      "a headers dead-letter exchange that routes by header values",
      dlx("headers", "", "dead", { "x-match": "any", region: "eu" }),
      'warning config/sale.yaml queues[0].deadLetter.exchange: dead letters of queue "SALE_ORDER_QUEUE" may be dropped: whether dead-letter exchange "SALE_DLX_EXCHANGE" (headers) routes routing key "dead" cannot be decided from the config (bind a queue to it for every key, e.g. a fanout exchange or "#" on a topic exchange, or set deadLetter.routingKey)',
    ],
  ])("reports %s", (_, change, expected) => {
    expect(check(change)).toEqual([expected]);
  });
});
