import { describe, expect, it } from "vitest";
import { randomText } from "../../../../engine/providers/random/random";

describe("randomText", () => {
  it("has the declared length and only enabled classes", () => {
    const text = randomText({ length: 40, special: false }, "p");
    expect(text).toHaveLength(40);
    expect(text).toMatch(/^[A-Za-z0-9]+$/);
  });

  it("meets each class's minimum and uses overrideSpecial", () => {
    const text = randomText({ length: 12, lower: false, upper: false, numeric: false, overrideSpecial: "_", minSpecial: 12 }, "p");
    expect(text).toBe("_".repeat(12));
  });

  it("refuses a password with no character class", () => {
    expect(() => randomText({ length: 4, lower: false, upper: false, numeric: false, special: false }, "random.RandomPassword p")).toThrow(
      "random.RandomPassword p: every character class is disabled",
    );
  });
});
