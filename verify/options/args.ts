/**
 * `npm run verify` command line: flags only, no environment and no I/O (options/resolve.ts
 * merges flags, environment and stack outputs). A mistake is a VerifyAbort: one line.
 */
import { parseArgs } from "node:util";
import { parseDuration } from "../../model/units";
import { VerifyAbort } from "../errors";

export const USAGE = `usage: npm run verify -- [--stack <name>] [options]

Checks a deployed stack through its VIP: delivery with confirms and acks, returns, alternate
exchange, dead-lettering, declared topology, cluster health and the load-balancer pair.

  --stack <name>            read endpoints from the stack's outputs (Pulumi CLI) and compare
                            with its config (Pulumi.<name>.yaml)
  --dir <path>              project directory (default: current directory)
  --amqp-url <url>          AMQP URL through the VIP            env RABBITMQ_HA_AMQP_URL
  --management-url <url>    management API URL through the VIP  env RABBITMQ_HA_MANAGEMENT_URL
  --username <name>         management (admin) user             env RABBITMQ_HA_USERNAME
  --password <secret>       its password (prefer the env var)   env RABBITMQ_HA_PASSWORD
  --stats-url <url>         HAProxy stats, http://stats:PASS@VIP:8404/stats  env RABBITMQ_HA_STATS_URL
  --probe-user <name>       run as this existing user ...       env RABBITMQ_HA_PROBE_USER
  --probe-password <secret> ... with this password ...          env RABBITMQ_HA_PROBE_PASSWORD
  --probe-vhost <name>      ... in this vhost (else a temporary user and vhost are made)
                                                                env RABBITMQ_HA_PROBE_VHOST
  --timeout <duration>      per connect, request or wait for a message, e.g. 5s (default 10s)
  --messages <n>            messages per delivery check (default 20)
  --json                    print the result as JSON
  --strict                  exit 1 when degraded (a node or server down), not only on failure

Exit status: 0 all checks passed (possibly degraded), 1 a check failed, 2 could not run
(bad arguments, endpoint unreachable, credentials refused).`;

export interface VerifyArgs {
  readonly help: boolean;
  readonly json: boolean;
  readonly strict: boolean;
  readonly stack: string | undefined;
  readonly projectDir: string;
  readonly amqpUrl: string | undefined;
  readonly managementUrl: string | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly statsUrl: string | undefined;
  readonly probeUser: string | undefined;
  readonly probePassword: string | undefined;
  readonly probeVhost: string | undefined;
  readonly timeoutMs: number | undefined;
  readonly messageCount: number | undefined;
}

const text = { type: "string" } as const;
const flag = { type: "boolean" } as const;

export function parseVerifyArgs(argv: readonly string[], cwd: string): VerifyArgs {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        help: { ...flag, short: "h" }, json: flag, strict: flag, stack: { ...text, short: "s" }, dir: text,
        "amqp-url": text, "management-url": text, username: text, password: text, "stats-url": text,
        "probe-user": text, "probe-password": text, "probe-vhost": text, timeout: text, messages: text,
      },
    }).values;
  } catch (error) {
    // parseArgs explains itself ("Unknown option '--x'"); keep its first sentence only.
    throw new VerifyAbort(`${(error as Error).message.split(". ")[0]} (--help lists the options)`);
  }
  return {
    help: values.help ?? false,
    json: values.json ?? false,
    strict: values.strict ?? false,
    stack: values.stack,
    projectDir: values.dir ?? cwd,
    amqpUrl: values["amqp-url"],
    managementUrl: values["management-url"],
    username: values.username,
    password: values.password,
    statsUrl: values["stats-url"],
    probeUser: values["probe-user"],
    probePassword: values["probe-password"],
    probeVhost: values["probe-vhost"],
    timeoutMs: values.timeout === undefined ? undefined : durationMs(values.timeout),
    messageCount: values.messages === undefined ? undefined : positiveInteger(values.messages),
  };
}

function durationMs(value: string): number {
  const parsed = parseDuration(value);
  if (!parsed.ok) throw new VerifyAbort(`--timeout: ${parsed.error}`);
  if (parsed.value <= 0) throw new VerifyAbort(`--timeout: must be more than 0 (got ${value})`);
  return parsed.value;
}

function positiveInteger(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new VerifyAbort(`--messages: "${value}" is not a whole number from 1 to 999999`);
  return Number(value);
}
