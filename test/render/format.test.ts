import { describe, expect, it } from "vitest";
import { basicAuthorization, erlangNodeName, haproxyDuration, haproxyLiteral, seconds } from "../../render/format";

describe("haproxyDuration", () => {
  it.each([
    [3 * 3_600_000, "3h"],
    [90_000, "90s"],
    [120_000, "2m"],
    [2000, "2s"],
    [250, "250ms"],
    [1500, "1500ms"],
  ])("%d ms -> %s", (ms, text) => {
    expect(haproxyDuration(ms)).toBe(text);
  });

  it.each([0, -5, 1.5])("refuses %d ms", (ms) => {
    expect(() => haproxyDuration(ms)).toThrow(`duration ${ms} ms is not a positive whole number of milliseconds`);
  });
});

describe("seconds", () => {
  it.each([
    [1000, "1"],
    [200, "0.2"],
    [1250, "1.25"],
  ])("%d ms -> %s s", (ms, text) => {
    expect(seconds(ms)).toBe(text);
  });
});

describe("small formatters", () => {
  it("names the Erlang node after the short hostname", () => {
    expect(erlangNodeName("rabbit-disc1")).toBe("rabbit@rabbit-disc1");
  });

  it("encodes Basic credentials as RFC 7617 does", () => {
    expect(basicAuthorization("Aladdin", "open sesame")).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  });

  it("quotes an HAProxy argument so quotes and $ stay literal", () => {
    expect(haproxyLiteral(`stats:it's $HOME`)).toBe(`'stats:it'\\''s $HOME'`);
  });
});
