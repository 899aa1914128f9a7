/** The command itself, on the frozen example project (test/cli/fixtures/example), through the real loader. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { edit } from "../model/project";
import { exampleProject, removeFixtureProjects } from "./lib/fixtureProject";
import { runCli } from "./lib/runCli";

afterAll(removeFixtureProjects);
const project = exampleProject();
const names = (...args: string[]) => runCli("names", [...args, "--dir", project]);

describe("npm run names", { timeout: 120_000 }, () => {
  it("writes one properties file per system of the dev stack", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "names-"));
    try {
      const run = await names("--stack", "dev", "--out-dir", dir);
      expect(run.code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(["gp_mq.properties", "product_mq.properties", "sale_mq.properties"]);
      const product = readFileSync(path.join(dir, "product_mq.properties"), "utf8");
      expect(product).toContain("\nproduct.queue.from-sale.retry.max-attempts=3\n");
      expect(product).toContain("\nproduct.queue.from-sale.parking.queue=PRODUCT_FROM_SALE_PARKING_QUEUE\n");
      expect(product.split("\n")[0]).toContain("Passwords and AMQP URLs: pulumi stack output --show-secrets userCredentials");
      expect(readFileSync(path.join(dir, "gp_mq.properties"), "utf8")).toContain("\ngp.exchange.test.bindings[0].routing-key=gupao.test\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes JSON for the modern stack to stdout, warnings to stderr", async () => {
    const run = await names("--stack", "modern", "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).sale.exchange["to-product"].name).toBe("SALE_TO_PRODUCT_EXCHANGE");
    for (const line of run.stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^\S+:\d+:\d+ {2}\S+ {2}warning: /);
  });

  it("writes TypeScript whose keys are identifiers", async () => {
    const run = await names("--stack", "modern", "--format", "ts");
    expect(run.stdout).toContain('\nexport const SALE_MQ = {\n  "vhost": {\n    "main": {');
    expect(run.stdout).toContain('"toProduct": {');
  });

  it("refuses a stack that does not validate, printing the diagnostics on stderr, exit 1", async () => {
    const dir = exampleProject();
    edit(dir, "config/gp.yaml", "destination: GP_TEST_QUEUE", "destination: GP_TEST_QUEU");
    const run = await runCli("names", ["--stack", "dev", "--dir", dir]);
    expect([run.code, run.stdout]).toEqual([1, ""]);
    expect(run.stderr).toContain('config/gp.yaml:17:18  bindings[0].destination  queue "GP_TEST_QUEU" does not exist');
    expect(run.stderr.trim().split("\n").at(-1)).toBe("names: stack dev has errors; nothing written");
  });
});
