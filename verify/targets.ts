/**
 * The endpoints the probe talks to, checked before anything is sent: URLs parse and use the
 * right scheme, and nobody runs as guest (the deployment disables it; a probe that falls back
 * to it would test a door that should be shut).
 */
import { parseEndpoint } from "./endpoint";
import { VerifyAbort } from "./errors";
import type { HttpTarget } from "./http";
import type { VerifyOptions } from "./types";

export interface Targets {
  readonly api: HttpTarget;
  /** The AMQP URL without credentials; user and vhost come from the probe account. */
  readonly amqp: { readonly url: URL; readonly timeoutMs: number; readonly ca?: string };
  readonly stats: HttpTarget | undefined;
}

export const FORBIDDEN_USER = "guest";

export function resolveTargets(options: VerifyOptions, timeoutMs: number): Targets {
  for (const [role, user] of [["management", options.username], ["probe", options.probeUser?.username]] as const) {
    if (user === FORBIDDEN_USER) throw new VerifyAbort(`refusing to run as "${FORBIDDEN_USER}" (${role} user): give the stack's admin user or a dedicated probe user`);
  }
  if (options.username === "") throw new VerifyAbort("no management username given");
  const management = parseEndpoint(options.managementUrl, "the management URL", ["http:", "https:"]);
  const amqp = parseEndpoint(options.amqpUrl, "the AMQP URL", ["amqp:", "amqps:"]);
  const ca = options.ca === undefined ? {} : { ca: options.ca };
  const api = { label: "management API", base: management.url, username: options.username, password: options.password, timeoutMs, ...ca };
  let stats: HttpTarget | undefined;
  if (options.statsUrl !== undefined) {
    const endpoint = parseEndpoint(options.statsUrl, "the stats URL", ["http:", "https:"]);
    stats = { label: "HAProxy stats", base: endpoint.url, username: endpoint.username ?? "", password: endpoint.password ?? "", timeoutMs };
  }
  return { api, amqp: { url: amqp.url, timeoutMs, ...ca }, stats };
}
