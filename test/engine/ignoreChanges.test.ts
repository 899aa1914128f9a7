import { describe, expect, it } from "vitest";
import { applyIgnoreChanges, parsePropertyPath } from "../../engine/plan/ignoreChanges";

describe("parsePropertyPath", () => {
  it.each([
    ["hosts", ["hosts"]],
    ["uploads[4].content", ["uploads", 4, "content"]],
    ['labels["a.b"].value', ["labels", "a.b", "value"]],
    ['["top"][0]', ["top", 0]],
  ])("%s", (path, segments) => {
    expect(parsePropertyPath(path)).toEqual(segments);
  });

  it.each(["uploads[*].content", "a..b", "", "[x]", "a.", "a.[0]"])("refuses %j", (path) => {
    expect(() => parsePropertyPath(path)).toThrow(`ignoreChanges path "${path}" is not a property path this engine understands (names, [index], ["key"]; no * wildcard)`);
  });
});

describe("applyIgnoreChanges", () => {
  const olds = { uploads: [{ file: "/a", content: "old a" }, { file: "/peers", content: "old peers" }], hosts: [] };
  const news = { uploads: [{ file: "/a", content: "new a" }, { file: "/peers", content: "new peers" }], hosts: [{ host: "x", ip: "1.2.3.4" }] };

  it("keeps the old value at the ignored path and the new value everywhere else", () => {
    const { inputs, errors } = applyIgnoreChanges(news, olds, ["uploads[1].content"]);
    expect(errors).toEqual([]);
    expect(inputs).toEqual({ uploads: [{ file: "/a", content: "new a" }, { file: "/peers", content: "old peers" }], hosts: [{ host: "x", ip: "1.2.3.4" }] });
  });

  it("leaves the new inputs it was given unchanged", () => {
    applyIgnoreChanges(news, olds, ["uploads[1].content", "hosts"]);
    expect(news.uploads[1]!.content).toBe("new peers");
    expect(news.hosts).toHaveLength(1);
  });

  it("deletes a property the old inputs did not have", () => {
    expect(applyIgnoreChanges({ a: 1, b: 2 }, { a: 1 }, ["b"]).inputs).toEqual({ a: 1 });
  });

  it("reports a path whose parent the new inputs lack, as the engine does", () => {
    expect(applyIgnoreChanges({ uploads: [] }, olds, ["uploads[1].content"]).errors).toEqual([
      'cannot ignore changes to the following properties because one or more elements of the path are missing: "uploads[1].content"',
    ]);
  });
});
