/**
 * Issue 7's "Done when" for the command line, through the VIP: `npm run verify -- --stack <name>`
 * with the settings in the environment exits 0; with a wrong password, or a management URL
 * nobody answers at, it exits 2 with one line on stderr naming the reason (no stack trace, no
 * password), quickly.
 */
import { createServer } from "node:net";
import type { Deployment } from "../deployment";
import { CheckResult, expect, runCheck } from "./types";
import { lastHostAddress, oneLineFailureProblems, redact, runVerifyCli, type CliRun } from "./cliProcess";

/** tsx start-up plus the probe's default 10 s per wait: an unanswered address must not take longer. */
const QUICK_MS = 20_000;
const WHOLE_RUN_MS = 180_000;

interface CliCase {
  readonly name: string;
  readonly env: Readonly<Record<string, string>>;
  /** The one line's reason; absent: the run must pass. */
  readonly reason?: RegExp;
  readonly limitMs: number;
}

/** A port on loopback nothing listens on: bound by us for a moment, then released. */
async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no loopback port");
  return address.port;
}

function unusedSubnetAddress(deployment: Deployment): string {
  const model = deployment.model;
  const address = lastHostAddress(model.network.subnet);
  const taken = [model.network.gateway, model.loadBalancers.virtualIp, ...model.cluster.nodes.map((n) => n.address), ...model.loadBalancers.instances.map((l) => l.address)];
  if (taken.includes(address)) throw new Error(`${address} is declared in the stack: no unused address to probe`);
  return address;
}

function passedDetail(run: CliRun): string {
  const result = JSON.parse(run.stdout) as { ok: boolean; degraded: boolean; checks: { name: string; status: string; detail: string }[] };
  const failed = result.checks.filter((check) => check.status === "fail");
  expect(run.exitCode === 0 && result.ok, `exit ${run.exitCode}: ${failed.map((c) => `${c.name}: ${c.detail}`).join("; ") || run.stderr.trim()}`);
  const count = (status: string): number => result.checks.filter((check) => check.status === status).length;
  return `exit 0 in ${(run.ms / 1000).toFixed(1)}s: ${result.checks.length} checks (${count("pass")} pass, ${count("warn")} warn, ${count("skip")} skip)`;
}

export async function verifyCliChecks(projectDir: string, deployment: Deployment): Promise<CheckResult[]> {
  const { username, password, endpoint } = deployment.management;
  const statsUrl = typeof deployment.outputs["statsUrl"] === "string" ? deployment.outputs["statsUrl"] : undefined;
  const wrongPassword = `not-the-password-${Date.now().toString(36)}`;
  const secrets = [password, wrongPassword, ...(statsUrl ? [new URL(statsUrl).password] : [])];
  const env = (amqpUrl: string, managementUrl: string, secret: string): Record<string, string> => ({
    RABBITMQ_HA_AMQP_URL: amqpUrl,
    RABBITMQ_HA_MANAGEMENT_URL: managementUrl,
    RABBITMQ_HA_USERNAME: username,
    RABBITMQ_HA_PASSWORD: secret,
    ...(statsUrl ? { RABBITMQ_HA_STATS_URL: statsUrl } : {}),
  });
  const vipAmqp = `amqp://${deployment.vip}:5672`;
  const nobody = unusedSubnetAddress(deployment);
  const closedPort = await closedLoopbackPort();
  const cases: readonly CliCase[] = [
    { name: "correct credentials from the environment: exit 0", env: env(vipAmqp, endpoint, password), limitMs: WHOLE_RUN_MS },
    { name: "wrong password: exit 2, one line", env: env(vipAmqp, endpoint, wrongPassword), reason: /wrong username or password/, limitMs: QUICK_MS },
    {
      name: `management URL ${nobody} (unused, in the stack's subnet): exit 2, one line`,
      env: env(`amqp://${nobody}:5672`, `http://${nobody}:15672`, password),
      reason: new RegExp(`^verify: management API http://${nobody.replace(/\./g, "\\.")}:15672: (host unreachable|no answer \\(timed out\\))$`),
      limitMs: QUICK_MS,
    },
    {
      name: `management URL 127.0.0.1:${closedPort} (closed port): exit 2, one line`,
      env: env(`amqp://127.0.0.1:${closedPort}`, `http://127.0.0.1:${closedPort}`, password),
      reason: new RegExp(`^verify: management API http://127\\.0\\.0\\.1:${closedPort}: connection refused$`),
      limitMs: QUICK_MS,
    },
  ];
  const results: CheckResult[] = [];
  for (const cliCase of cases) {
    results.push(
      await runCheck(`verify CLI: ${cliCase.name}`, async () => {
        const args = ["--stack", deployment.stack, ...(cliCase.reason ? [] : ["--json"])];
        const run = await runVerifyCli(projectDir, args, cliCase.env, cliCase.limitMs);
        expect(!secrets.some((secret) => (run.stdout + run.stderr).includes(secret)), "a password appears in the CLI's output");
        if (!cliCase.reason) return passedDetail(run);
        const problems = oneLineFailureProblems(run, cliCase.reason, secrets);
        expect(problems.length === 0, problems.join("; "));
        return `exit ${run.exitCode} in ${(run.ms / 1000).toFixed(1)}s: ${redact(run.stderr.trim(), secrets)}`;
      }),
    );
  }
  return results;
}
