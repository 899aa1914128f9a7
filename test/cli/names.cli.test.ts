/** The command itself, on the shipped stacks (through the real loader). */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const names = (...args: string[]) => spawnSync(tsx, ["cli/names.ts", ...args], { cwd: root, encoding: "utf8" });

describe("npm run names", () => {
  it("writes one properties file per system of the dev stack", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "names-"));
    try {
      execFileSync(tsx, ["cli/names.ts", "--stack", "dev", "--out-dir", dir], { cwd: root, stdio: "pipe" });
      expect(readdirSync(dir).sort()).toEqual(["gp_mq.properties", "product_mq.properties", "sale_mq.properties"]);
      const product = readFileSync(path.join(dir, "product_mq.properties"), "utf8");
      expect(product).toContain("\nproduct.queue.from-sale.retry.max-attempts=3\n");
      expect(product).toContain("\nproduct.queue.from-sale.parking.queue=PRODUCT_FROM_SALE_PARKING_QUEUE\n");
      expect(readFileSync(path.join(dir, "gp_mq.properties"), "utf8")).toContain("\ngp.exchange.test.bindings[0].routing-key=gupao.test\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes JSON for the modern stack to stdout", () => {
    const result = names("--stack", "modern", "--format", "json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).sale.exchange["to-product"].name).toBe("SALE_TO_PRODUCT_EXCHANGE");
  });

  it.each([
    [["--format", "json"], "--stack is required"],
    [["--stack", "dev", "--format", "yaml"], "--format yaml is not a format (properties, json, ts)"],
  ])("refuses %j", (args, message) => {
    const result = names(...args);
    expect([result.status, result.stderr.split("\n")[0]]).toEqual([1, message]);
  });

  it("refuses a stack that does not validate, printing the diagnostics", () => {
    const result = names("--stack", "no-such-stack");
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n").at(-1)).toBe("names: stack no-such-stack has errors; nothing written");
  });
});
