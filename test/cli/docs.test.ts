/**
 * The README says what a user needs and what it says stays true: creating a stack before
 * `pulumi up` (which cannot prompt in CI), sharing state, the Pulumi CLI pin against the SDK, and
 * the e2e layouts' advert intervals as the e2e stacks set them (test/e2e/stacks.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { e2eStackConfig } from "../e2e/stacks";
import { describe, expect, it } from "vitest";
import { REPO } from "./lib/fixtureProject";

const read = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");
const minVersion = (range: string) => (/(\d+)\.(\d+)\.(\d+)/.exec(range) ?? []).slice(1).map(Number);
const older = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

describe("README", () => {
  const readme = read("README.md");

  it("says how to create a stack without a prompt and how a team or CI shares state", () => {
    expect(readme).toContain("npx pulumi stack select --create dev");
    expect(readme).toContain("export PULUMI_BACKEND_URL=s3://");
    expect(readme).toContain("--show-secrets userCredentials");
    expect(readme).toContain("pulumi config set --secret --path rabbitmq-ha:userPasswords.<user>");
  });

  it("pins the Pulumi CLI no older than the SDK, or says why it cannot", () => {
    const pkg = JSON.parse(read("package.json")) as { devDependencies: Record<string, string> };
    const sdk = (JSON.parse(read("node_modules/@pulumi/pulumi/package.json")) as { version: string }).version;
    const cli = minVersion(pkg.devDependencies["pulumi"]!);
    if (older(cli, minVersion(sdk)) < 0) expect(readme).toContain(`its newest is ${cli.join(".")}`);
  });
});

describe("test/e2e/README.md", () => {
  // Every row that names an advert interval agrees with its stack file.
  const rows = read("test/e2e/README.md").split("\n").filter((l) => /^\| e2e-[\w-]+ \|.*adverts every/.test(l));
  it.each(rows.map((row) => [/^\| (\S+) /.exec(row)![1]!, row]))("%s: adverts as its stack file sets them", (stack, row) => {
    const config = e2eStackConfig(REPO, stack) as Record<string, { advertInterval?: string }>;
    const interval = config["rabbitmq-ha:loadBalancers"]?.advertInterval ?? "1s";
    const said = /adverts every ([\d.]+) ?(ms|s)\b/.exec(row)!;
    expect(`${said[1]}${said[2]}`).toBe(interval);
  });
});
