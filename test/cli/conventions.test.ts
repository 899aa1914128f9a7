/**
 * What every command shares (cli/lib/args.ts): --help on stdout with exit 0; an unknown option,
 * a missing or unknown stack as ONE line on stderr with exit 2 and no stack trace; --stack
 * accepts the stack file's name. Run on a fixture project, never on the shipped examples.
 */
import { afterAll, describe, expect, it } from "vitest";
import { stackName } from "../../cli/lib/args";
import { FIXTURE_STACK, fixtureProject, removeFixtureProjects } from "./lib/fixtureProject";
import { runCli } from "./lib/runCli";

afterAll(removeFixtureProjects);
const project = fixtureProject();
const COMMANDS = ["validate", "render", "names", "schema", "verify"] as const;
const WITH_STACK = ["validate", "render", "names", "verify"] as const;

// Subprocesses on a busy machine: generous time per case.
describe.concurrent("every command", { timeout: 180_000 }, () => {
  it.each(COMMANDS)("%s --help prints its usage on stdout and exits 0", async (name) => {
    const run = await runCli(name, ["--help"]);
    expect([run.code, run.stdout.split("\n")[0]!.startsWith(`usage: npm run ${name} -- `), run.stderr]).toEqual([0, true, ""]);
  });

  it.each(COMMANDS)("%s refuses an unknown option in one line, exit 2", async (name) => {
    const run = await runCli(name, ["--bogus", "--dir", project]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `${name}: Unknown option '--bogus' (--help lists the options)\n` });
  });

  it.each(WITH_STACK)("%s names a missing stack and lists the ones there, exit 2", async (name) => {
    const run = await runCli(name, ["--stack", "Pulumi.nope.yaml", "--dir", project, ...(name === "render" ? ["--out", `${project}/out`] : [])]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `${name}: stack "nope": Pulumi.nope.yaml not found in ${project} (stacks here: ${FIXTURE_STACK})\n` });
  });

  it.each(WITH_STACK.filter((n) => n !== "verify"))("%s refuses a --dir that is not a project, exit 2", async (name) => {
    const run = await runCli(name, ["--stack", "dev", "--dir", `${project}/config`, "--out", `${project}/out`].slice(0, name === "render" ? 6 : 4));
    expect(run).toEqual({ code: 2, stdout: "", stderr: `${name}: --dir ${project}/config is not a Pulumi project: no Pulumi.yaml in ${project}/config\n` });
  });

  it("validate, names: --stack Pulumi.<stack>.yaml is the stack", async () => {
    const validate = await runCli("validate", ["--stack", `Pulumi.${FIXTURE_STACK}.yaml`, "--dir", project]);
    expect(validate).toEqual({ code: 0, stdout: `stack ${FIXTURE_STACK}: valid (0 errors, 0 warnings)\n`, stderr: "" });
    const names = await runCli("names", ["--stack", `./Pulumi.${FIXTURE_STACK}.yaml`, "--dir", project, "--format", "json"]);
    expect([names.code, JSON.parse(names.stdout).sale.vhost.main.name]).toEqual([0, "SALE_VHOST"]);
  });

  it("verify: --stack Pulumi.<stack>.yaml is the stack (its outputs are then looked up)", async () => {
    const run = await runCli("verify", ["--stack", `Pulumi.${FIXTURE_STACK}.yaml`, "--dir", project]);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(`(stack "${FIXTURE_STACK}" outputs unavailable: `)]);
  });

  it("names: a missing --stack and a bad --format are usage mistakes, exit 2", async () => {
    expect(await runCli("names", ["--dir", project])).toEqual({ code: 2, stdout: "", stderr: `names: --stack is required (stacks here: ${FIXTURE_STACK})\n` });
    expect(await runCli("names", ["--stack", FIXTURE_STACK, "--dir", project, "--format", "yaml"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "names: --format yaml is not a format (allowed: properties, json, ts)\n",
    });
  });

  it("schema: an unknown argument writes nothing", async () => {
    const dir = fixtureProject();
    await runCli("schema", ["--bogus", "--dir", dir]);
    const again = await runCli("schema", ["--check", "--dir", dir]);
    expect(again.stdout).toContain("stale       schema/stack-config.schema.json");
  });
});

describe("stackName", () => {
  it.each([
    ["dev", "dev"],
    ["Pulumi.dev.yaml", "dev"],
    ["./Pulumi.e2e-seed.yaml", "e2e-seed"],
    ["Pulumi.dev.yml", "dev"],
  ])("%s -> %s", (value, stack) => expect(stackName(value)).toBe(stack));
});
