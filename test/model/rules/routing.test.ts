import { describe, expect, it } from "vitest";
import { topicMatches } from "../../../model/rules/routing";

describe("topic matching", () => {
  it.each<[string, string, boolean]>([
    ["order.*", "order.created", true],
    ["order.*", "order.created.eu", false],
    ["order.*", "order", false],
    ["order.#", "order", true],
    ["order.#", "order.created.eu", true],
    ["#", "", true],
    ["#.eu", "order.created.eu", true],
    ["*.created.#", "order.created", true],
    ["order.created", "order.created", true],
    ["order.created", "order.Created", false],
  ])("%s against %j: %s", (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
  });
});
