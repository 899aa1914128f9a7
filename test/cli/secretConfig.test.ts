/**
 * User passwords set the way the README shows, `pulumi config set --secret --path
 * rabbitmq-ha:userPasswords.<user> ...`: Pulumi writes `{<user>: {secure: v1:...}}` into the
 * stack file. Validation accepts it (each value encrypted); the offline runner cannot decrypt,
 * so those users' passwords are generated, as with a top-level secure value.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { stackConfigJsonSchema } from "../../model/schema/jsonSchema";
import { renderToDir } from "../../cli/lib/renderToDir";
import { FIXTURE_STACK, fixtureProject, REPO, removeFixtureProjects } from "./lib/fixtureProject";

const ENCRYPTED = { secure: "v1:AAAAAAAAAAAAAAAAAAAAAA==" };
const validate = (dir: string) =>
  spawnSync(path.join(REPO, "node_modules/.bin/tsx"), [path.join(REPO, "cli/validate.ts"), "--stack", FIXTURE_STACK, "--dir", dir], { encoding: "utf8" });

afterAll(removeFixtureProjects);

describe("rabbitmq-ha:userPasswords set with --secret --path", () => {
  it("validates when every user's value is encrypted", () => {
    const run = validate(fixtureProject({ config: { "rabbitmq-ha:userPasswords": { "sale-app": ENCRYPTED } } }));
    expect([run.status, run.stdout, run.stderr]).toEqual([0, `stack ${FIXTURE_STACK}: valid (0 errors, 0 warnings)\n`, ""]);
  });

  it("refuses a user's password in plain text, naming that user and the command that encrypts it", () => {
    const run = validate(fixtureProject({ config: { "rabbitmq-ha:userPasswords": { "sale-app": ENCRYPTED, "sale-ops": "hunter2" } } }));
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      `Pulumi.${FIXTURE_STACK}.yaml:31:15  config.rabbitmq-ha:userPasswords.sale-ops  rabbitmq-ha:userPasswords.sale-ops is in plain text (secrets are encrypted: pulumi config set --secret --path rabbitmq-ha:userPasswords.sale-ops)`,
    );
  });

  it("still refuses a whole userPasswords object in plain text", () => {
    const run = validate(fixtureProject({ config: { "rabbitmq-ha:userPasswords": "hunter2" } }));
    expect([run.status, run.stderr.split("\n")[0]]).toEqual([
      1,
      `Pulumi.${FIXTURE_STACK}.yaml:28:30  config.rabbitmq-ha:userPasswords  rabbitmq-ha:userPasswords is in plain text (secrets are encrypted: pulumi config set --secret rabbitmq-ha:userPasswords)`,
    ]);
  });

  it("counts as unset offline (render validates, then runs the program): the user's password is generated", async () => {
    const projectDir = fixtureProject({ program: true, config: { "rabbitmq-ha:userPasswords": { "sale-app": ENCRYPTED } } });
    const outDir = path.join(projectDir, "rendered");
    await renderToDir({ projectDir, stack: FIXTURE_STACK, outDir });
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, "manifest.json"), "utf8")) as { type: string; name: string }[];
    expect(manifest.filter((r) => r.type === "random:index/randomPassword:RandomPassword").map((r) => r.name)).toContain("secrets-user-sale-app");
  });
});

describe("the stack file's JSON Schema (editors)", () => {
  const valid = new Ajv({ strict: false, allErrors: true }).compile(stackConfigJsonSchema());
  // Other keys' complaints (required ones missing) are not this test's business.
  const userPasswords = (value: unknown) => {
    valid({ config: { "rabbitmq-ha:userPasswords": value } });
    return !(valid.errors ?? []).some((e) => e.instancePath.startsWith("/config/rabbitmq-ha:userPasswords"));
  };
  it.each([
    ["one encrypted object", ENCRYPTED, true],
    ["an encrypted value per user (--secret --path)", { "sale-app": ENCRYPTED }, true],
    ["a user's password in plain text", { "sale-app": "hunter2" }, false],
    ["plain text", "hunter2", false],
  ])("userPasswords as %s: %s", (_, value, ok) => expect(userPasswords(value)).toBe(ok));
});
