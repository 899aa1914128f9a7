import { describe, expect, it } from "vitest";
import { PerHost } from "../../infra/perHost";

describe("PerHost", () => {
  it("creates one object per distinct host and finds it by name", () => {
    const created: string[] = [];
    const images = new PerHost("image", ["a", "b", "a"], (host) => {
      created.push(host);
      return `image on ${host}`;
    });
    expect(created).toEqual(["a", "b"]);
    expect(images.get("b")).toBe("image on b");
  });

  it("names the host and the known ones when asked for another", () => {
    const images = new PerHost("image", ["a", "b"], (host) => host);
    expect(() => images.get("c")).toThrow('no image on Docker host "c" (known: a, b)');
  });
});
