import { describe, expect, it } from "vitest";
import { checkHeadersBindings } from "../../../model/rules/headersBinding";
import { lines, saleTopology, type Raw } from "../fixtures";

/** SALE_ORDER_EXCHANGE becomes a headers exchange whose binding carries `args`. */
const check = (args: Raw, type = "headers", source = "SALE_ORDER_EXCHANGE") => {
  const { topology, context } = saleTopology((f) => {
    f.exchanges[0].type = type;
    Object.assign(f.bindings[0], { source, routingKey: "", arguments: args });
  });
  return lines(checkHeadersBindings(topology, context));
};

describe("x-match on headers bindings", () => {
  it.each<[string, Raw, string?, string?]>([
    ["x-match all", { "x-match": "all", region: "eu" }],
    ["x-match any", { "x-match": "any", region: "eu" }],
    ["x-match all-with-x", { "x-match": "all-with-x", "x-region": "eu" }],
    ["x-match any-with-x", { "x-match": "any-with-x", region: "eu" }],
    ["no x-match (the broker's default: all)", { region: "eu" }],
    ["x-match some on a topic exchange (ignored there)", { "x-match": "some" }, "topic"],
  ])("accepts %s", (_, args, type) => {
    expect(check(args, type)).toEqual([]);
  });

  it.each<[string, Raw, string, string]>([
    [
      "x-match some",
      { "x-match": "some", region: "eu" },
      "SALE_ORDER_EXCHANGE",
      'error config/sale.yaml bindings[0].arguments.x-match: x-match "some" on a binding from headers exchange "SALE_ORDER_EXCHANGE" (allowed: all, any, all-with-x, any-with-x)',
    ],
    [
      "x-match in capitals",
      { "x-match": "ALL" },
      "SALE_ORDER_EXCHANGE",
      'error config/sale.yaml bindings[0].arguments.x-match: x-match "ALL" on a binding from headers exchange "SALE_ORDER_EXCHANGE" (allowed: all, any, all-with-x, any-with-x)',
    ],
    [
      "x-match that is not a string",
      { "x-match": true },
      "SALE_ORDER_EXCHANGE",
      'error config/sale.yaml bindings[0].arguments.x-match: x-match boolean true on a binding from headers exchange "SALE_ORDER_EXCHANGE" (allowed: all, any, all-with-x, any-with-x)',
    ],
    [
      "x-match some from the built-in amq.headers",
      { "x-match": "some" },
      "amq.headers",
      'error config/sale.yaml bindings[0].arguments.x-match: x-match "some" on a binding from headers exchange "amq.headers" (allowed: all, any, all-with-x, any-with-x)',
    ],
  ])("refuses %s", (_, args, source, expected) => {
    expect(check(args, "headers", source)).toEqual([expected]);
  });
});
