/**
 * The CLI's refusals that need no broker: each is one line on stderr, exit 2, no stack trace.
 */
import { describe, expect, test } from "vitest";
import { runVerifyCli } from "./support/cli";
import { closedPort } from "./support/ports";

const CREDENTIALS_HINT =
  "pass --amqp-url, --management-url, --username, --password or set RABBITMQ_HA_AMQP_URL, RABBITMQ_HA_MANAGEMENT_URL, RABBITMQ_HA_USERNAME, RABBITMQ_HA_PASSWORD";

describe("npm run verify without a broker", () => {
  type Case = { readonly args: string[]; readonly env: Record<string, string>; readonly line: string };
  test.each<Case>([
    { args: ["--bogus"], env: {}, line: "Unknown option '--bogus' (--help lists the options)" },
    { args: [], env: {}, line: `missing the AMQP URL, the management URL, the username, the password (no --stack given); ${CREDENTIALS_HINT}` },
    {
      args: ["--stack", "dev"],
      env: {},
      line: `missing the AMQP URL, the management URL, the username, the password (stack "dev" outputs unavailable: the Pulumi CLI is not installed or could not be downloaded); ${CREDENTIALS_HINT}`,
    },
    {
      args: ["--amqp-url", "amqp://127.0.0.1:1", "--management-url", "http://admin:pw@127.0.0.1:1"],
      env: { RABBITMQ_HA_USERNAME: "guest" },
      line: 'refusing to run as "guest" (management user): give the stack\'s admin user or a dedicated probe user',
    },
  ])("$args with $env: one line, exit 2", async ({ args, env, line }) => {
    const run = await runVerifyCli(args, env);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `verify: ${line}\n` });
  });

  test("an unreachable management API: one line, exit 2", async () => {
    const port = await closedPort();
    const run = await runVerifyCli(["--amqp-url", `amqp://127.0.0.1:${port}`, "--management-url", `http://admin:pw@127.0.0.1:${port}`]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `verify: management API http://127.0.0.1:${port}: connection refused\n` });
  });

  test("--help prints the usage and exits 0", async () => {
    const run = await runVerifyCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("usage: npm run verify -- [--stack <name>] [options]");
  });
});
