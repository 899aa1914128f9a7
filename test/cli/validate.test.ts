/**
 * `npm run validate`, run as a real subprocess: exact output on the frozen example project
 * (test/cli/fixtures/example), and, for the shipped stacks, only what holds for ANY valid config.
 */
import { afterAll, describe, expect, it } from "vitest";
import { listStacks } from "../../model/load";
import { REPO, runValidate } from "../model/project";
import { exampleProject, removeFixtureProjects } from "./lib/fixtureProject";

const RAM_WARNINGS = [1, 2].map(
  (i) =>
    `Pulumi.dev.yaml:${19 + 3 * i}:15  config.rabbitmq-ha:cluster.nodes[${i}].type  warning: node "rabbit-ram${i}" is a RAM node: deprecated since 2021 and gone in RabbitMQ 4.2 (disc nodes are the supported choice)`,
);

afterAll(removeFixtureProjects);
describe("npm run validate", () => {
  it("exits 0 on a valid stack: its warnings on stderr, the verdict on stdout", () => {
    const run = runValidate(["--stack", "dev", "--dir", exampleProject()]);
    expect(run).toEqual({ status: 0, stdout: "stack dev: valid (0 errors, 2 warnings)\n", stderr: [...RAM_WARNINGS, ""].join("\n") });
  });

  it.each(listStacks(REPO))("every shipped stack validates: Pulumi.%s.yaml", (stack) => {
    const run = runValidate(["--stack", stack]);
    expect([run.status, run.stdout]).toEqual([0, expect.stringMatching(new RegExp(`^stack ${stack}: valid \\(0 errors, \\d+ warnings?\\)\\n$`))]);
    for (const line of run.stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^\S+:\d+:\d+ {2}\S+ {2}warning: /);
  });

  it("reads the project in the current directory, so a copy validates on its own", () => {
    const run = runValidate(["--stack", "dev"], exampleProject());
    expect([run.status, run.stdout]).toEqual([0, "stack dev: valid (0 errors, 2 warnings)\n"]);
  });

  it("names a stack that does not exist in one line, exit 2 (not Pulumi.prod.yaml:0:0)", () => {
    const dir = exampleProject();
    expect(runValidate(["--stack", "prod", "--dir", dir])).toEqual({
      status: 2,
      stdout: "",
      stderr: `validate: stack "prod": Pulumi.prod.yaml not found in ${dir} (stacks here: dev, modern)\n`,
    });
  });

  it("exits 2 with one line when --stack is missing or an option is unknown", () => {
    const dir = exampleProject();
    expect(runValidate([], dir)).toEqual({ status: 2, stdout: "", stderr: "validate: --stack is required (stacks here: dev, modern)\n" });
    expect(runValidate(["--stack", "dev", "--verbose"], dir)).toEqual({ status: 2, stdout: "", stderr: "validate: Unknown option '--verbose' (--help lists the options)\n" });
  });
});
