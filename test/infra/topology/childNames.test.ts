import { describe, expect, it } from "vitest";
import { bindingChildName, objectChildName, vhostChildName } from "../../../infra/topology/childNames";
import { binding } from "../../model/derive/fixtures";

describe("child names", () => {
  it.each([
    [objectChildName("topology", "queue", { name: "A_QUEUE", vhost: "/" }), "topology-queue-A_QUEUE@%2F"],
    [vhostChildName("topology", "vhost", "sale/eu"), "topology-vhost-sale%2Feu"],
    [bindingChildName("t", binding({ routingKey: "sale.#" })), "t-binding-SALE_TO_PRODUCT_EXCHANGE>queue:PRODUCT_FROM_SALE_QUEUE@SALE_VHOST#sale.%23"],
    [bindingChildName("t", binding({ routingKey: "", destinationType: "exchange", destination: "X" })), "t-binding-SALE_TO_PRODUCT_EXCHANGE>exchange:X@SALE_VHOST"],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("keeps objects apart whose parts would join to the same text", () => {
    expect(objectChildName("t", "queue", { name: "a@b", vhost: "c" })).not.toBe(objectChildName("t", "queue", { name: "a", vhost: "b@c" }));
    expect(bindingChildName("t", binding({ routingKey: "a#b" }))).not.toBe(bindingChildName("t", binding({ routingKey: "a", destination: "PRODUCT_FROM_SALE_QUEUE#b" })));
  });

  it("names header bindings by their arguments, whatever their order", () => {
    const one = bindingChildName("t", binding({ routingKey: "", arguments: { "x-match": "any", a: 1 } }));
    expect(one).toBe(bindingChildName("t", binding({ routingKey: "", arguments: { a: 1, "x-match": "any" } })));
    expect(one).not.toBe(bindingChildName("t", binding({ routingKey: "", arguments: { "x-match": "all", a: 1 } })));
  });
});
