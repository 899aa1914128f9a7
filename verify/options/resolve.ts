/**
 * Where each setting comes from, first found wins: flag, environment variable, stack output.
 * Credentials may also ride in the URLs (the stack's amqpUrl and managementUrl carry the admin
 * user's), which is how `--stack` alone is enough.
 */
import { readFileSync } from "node:fs";
import type { Model } from "../../model/types";
import { parseEndpoint } from "../endpoint";
import { VerifyAbort } from "../errors";
import type { ProbeUser, VerifyOptions } from "../types";
import type { VerifyArgs } from "./args";

export const ENV = {
  amqpUrl: "RABBITMQ_HA_AMQP_URL",
  managementUrl: "RABBITMQ_HA_MANAGEMENT_URL",
  username: "RABBITMQ_HA_USERNAME",
  password: "RABBITMQ_HA_PASSWORD",
  statsUrl: "RABBITMQ_HA_STATS_URL",
  probeUser: "RABBITMQ_HA_PROBE_USER",
  probePassword: "RABBITMQ_HA_PROBE_PASSWORD",
  probeVhost: "RABBITMQ_HA_PROBE_VHOST",
  caFile: "RABBITMQ_HA_CA_FILE",
} as const;

/** The stack outputs the probe reads (index.ts exports them). */
export interface StackOutputs {
  readonly amqpUrl?: string;
  readonly managementUrl?: string;
  readonly statsUrl?: string;
  readonly adminUser?: string;
  readonly loadBalancerAddresses?: readonly string[];
  /** With rabbitmq-ha:tls on: AMQPS through the VIP, preferred over amqpUrl, and the CA to verify it with. */
  readonly amqpsUrl?: string;
  readonly caCertificate?: string;
}

export interface StackSource {
  readonly name: string;
  readonly outputs: StackOutputs | undefined;
  /** Why the outputs could not be read (no Pulumi CLI, no such stack, no passphrase). */
  readonly unavailable: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

export function resolveVerifyOptions(args: VerifyArgs, env: Env, stack: StackSource | undefined, model: Model | undefined): VerifyOptions {
  const pick = (flag: string | undefined, key: keyof typeof ENV, output?: string) => flag ?? nonEmpty(env[ENV[key]]) ?? output;
  const outputs = stack?.outputs ?? {};
  const amqpUrl = pick(args.amqpUrl, "amqpUrl", outputs.amqpsUrl ?? outputs.amqpUrl);
  const managementUrl = pick(args.managementUrl, "managementUrl", outputs.managementUrl);
  const inManagementUrl = managementUrl === undefined ? undefined : parseEndpoint(managementUrl, "the management URL", ["http:", "https:"]);
  const inAmqpUrl = amqpUrl === undefined ? undefined : parseEndpoint(amqpUrl, "the AMQP URL", ["amqp:", "amqps:"]);
  const username = pick(args.username, "username") ?? inManagementUrl?.username ?? outputs.adminUser ?? inAmqpUrl?.username;
  const password = pick(args.password, "password") ?? inManagementUrl?.password ?? inAmqpUrl?.password;

  const missing = [
    ...(amqpUrl === undefined ? ["the AMQP URL"] : []),
    ...(managementUrl === undefined ? ["the management URL"] : []),
    ...(username === undefined ? ["the username"] : []),
    ...(password === undefined ? ["the password"] : []),
  ];
  if (amqpUrl === undefined || managementUrl === undefined || username === undefined || password === undefined) {
    const fromStack = stack === undefined ? "no --stack given" : `stack "${stack.name}" outputs unavailable: ${stack.unavailable ?? "they lack it"}`;
    throw new VerifyAbort(
      `missing ${missing.join(", ")} (${fromStack}); pass --amqp-url, --management-url, --username, --password or set ${ENV.amqpUrl}, ${ENV.managementUrl}, ${ENV.username}, ${ENV.password}`,
    );
  }
  const statsUrl = pick(args.statsUrl, "statsUrl", outputs.statsUrl);
  const caFile = nonEmpty(env[ENV.caFile]);
  const ca = caFile === undefined ? outputs.caCertificate : readCaFile(caFile);
  const probeUser = resolveProbeUser(args, env);
  return {
    amqpUrl,
    managementUrl,
    username,
    password,
    ...(statsUrl === undefined ? {} : { statsUrl }),
    ...(ca === undefined ? {} : { ca }),
    ...(outputs.loadBalancerAddresses === undefined ? {} : { loadBalancerAddresses: outputs.loadBalancerAddresses }),
    ...(model === undefined ? {} : { model }),
    ...(probeUser === undefined ? {} : { probeUser }),
    ...(args.timeoutMs === undefined ? {} : { timeoutMs: args.timeoutMs }),
    ...(args.messageCount === undefined ? {} : { messageCount: args.messageCount }),
  };
}

/** All three or none: a probe user without its vhost would leave the probe guessing where to work. */
function resolveProbeUser(args: VerifyArgs, env: Env): ProbeUser | undefined {
  const username = args.probeUser ?? nonEmpty(env[ENV.probeUser]);
  const password = args.probePassword ?? nonEmpty(env[ENV.probePassword]);
  const vhost = args.probeVhost ?? nonEmpty(env[ENV.probeVhost]);
  if (username === undefined && password === undefined && vhost === undefined) return undefined;
  if (username === undefined || password === undefined || vhost === undefined) {
    throw new VerifyAbort(
      `an existing probe user needs all of --probe-user, --probe-password and --probe-vhost (or ${ENV.probeUser}, ${ENV.probePassword}, ${ENV.probeVhost})`,
    );
  }
  return { username, password, vhost };
}

function readCaFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new VerifyAbort(`${ENV.caFile}=${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}): name a PEM file with the stack's CA (stack output caCertificate)`);
  }
}

/** An exported but empty variable (FOO= in CI) counts as unset. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
