import { describe, expect, it } from "vitest";
import { predecessorIn, replacementOrder } from "../../../ops/loadBalancer/replacementOrder";

describe("replacementOrder: the VIP holder last", () => {
  it.each([
    { holders: ["lb1"], order: ["lb2", "lb1"], why: "the configured MASTER holds it" },
    { holders: ["lb2"], order: ["lb1", "lb2"], why: "the peer took it over earlier" },
    { holders: [], order: ["lb1", "lb2"], why: "nothing runs yet: config order" },
    { holders: ["lb1", "lb2"], order: ["lb1", "lb2"], why: "split brain: no single holder, config order" },
    { holders: ["old-lb"], order: ["lb1", "lb2"], why: "the holder is not in the config any more" },
  ])("$why", ({ holders, order }) => {
    expect(replacementOrder(["lb1", "lb2"], holders)).toEqual(order);
  });

  it("keeps the config order among non-holders", () => {
    expect(replacementOrder(["a", "b", "c"], ["a"])).toEqual(["b", "c", "a"]);
  });
});

describe("predecessorIn", () => {
  it.each([
    { name: "lb2", previous: undefined },
    { name: "lb1", previous: "lb2" },
    { name: "gone", previous: undefined },
  ])("$name waits for $previous", ({ name, previous }) => {
    expect(predecessorIn(["lb2", "lb1"], name)).toBe(previous);
  });
});
