/** `npm run validate` on the shipped stacks and on usage mistakes, run as a real subprocess. */
import { afterAll, describe, expect, it } from "vitest";
import { listStacks } from "../../model/load";
import { removeTempDirs, copyOfShippedConfig, REPO, runValidate } from "../model/project";

const RAM_WARNINGS = [1, 2].map(
  (i) =>
    `Pulumi.dev.yaml:${19 + 3 * i}:15  config.rabbitmq-ha:cluster.nodes[${i}].type  warning: node "rabbit-ram${i}" is a RAM node: deprecated since 2021 and gone in RabbitMQ 4.2 (disc nodes are the supported choice)`,
);


afterAll(removeTempDirs);
describe("npm run validate", () => {
  it("exits 0 on the dev stack and prints its warnings", () => {
    const run = runValidate(["--stack", "dev"]);
    expect(run).toEqual({ status: 0, stdout: [...RAM_WARNINGS, "stack dev: valid (0 errors, 2 warnings)", ""].join("\n"), stderr: "" });
  });

  it.each(listStacks(REPO))("exits 0 on Pulumi.%s.yaml", (stack) => {
    const run = runValidate(["--stack", stack]);
    expect([run.status, run.stderr, run.stdout.split("\n").at(-2)]).toEqual([0, "", expect.stringMatching(new RegExp(`^stack ${stack}: valid \\(0 errors, \\d+ warnings?\\)$`))]);
  });

  it("reads the project in the current directory, so a copy validates on its own", () => {
    const run = runValidate(["--stack", "dev"], copyOfShippedConfig());
    expect([run.status, run.stdout.split("\n").at(-2)]).toEqual([0, "stack dev: valid (0 errors, 2 warnings)"]);
  });

  it("exits 1 with one clean line for a stack that does not exist", () => {
    const dir = copyOfShippedConfig();
    const run = runValidate(["--stack", "prod", "--dir", dir]);
    expect(run.stdout).toBe(
      `Pulumi.prod.yaml:0:0  (file)  stack file not found (create Pulumi.prod.yaml in ${dir}, or pick one of: ${listStacks(REPO).join(", ")})\nstack prod: invalid (1 error, 0 warnings)\n`,
    );
    expect([run.status, run.stderr]).toEqual([1, ""]);
  });

  it("exits 2 with usage when --stack is missing or an option is unknown", () => {
    expect(runValidate([])).toEqual({
      status: 2,
      stdout: "",
      stderr: `validate: --stack is required\nusage: npm run validate -- --stack <name> [--dir <project directory>]\nstacks here: ${listStacks(REPO).join(", ")}\n`,
    });
    const unknown = runValidate(["--stack", "dev", "--verbose"]);
    expect([unknown.status, unknown.stderr.split("\n").at(-2)]).toEqual([2, "usage: npm run validate -- --stack <name> [--dir <project directory>]"]);
  });
});
