import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseSampleLine, samplerScript } from "./vipMonitor";

describe("the VIP monitor's in-container loop", () => {
  it.each([
    ["1796180726.364665 1", { atMs: 1796180726364, container: "lb-a", holds: true }],
    ["1796180726,364665 0\n", { atMs: 1796180726364, container: "lb-a", holds: false }],
    ["bash: ip: command not found", undefined],
    ["1796180726.364665 2", undefined],
  ])("parses %j", (line, sample) => {
    expect(parseSampleLine("lb-a", line)).toEqual(sample);
  });

  it("is valid bash that stops at once when its stop file exists", () => {
    const script = samplerScript("192.0.2.10", "/");
    expect(execFileSync("bash", ["-n", "-c", script]).toString()).toBe("");
    expect(execFileSync("bash", ["-c", script]).toString()).toBe("");
  });
});
