/**
 * The user-facing reliability probe (`npm run verify`, verify/) run against the fresh
 * deployment with the stack's outputs, as a user would run it after `pulumi up`. Each of its
 * checks becomes one of ours; a warning (degraded) does not fail, as in verify itself.
 */
import { runVerify, type VerifyOptions, type VerifyResult } from "../../../verify";
import type { Deployment } from "../deployment";
import { CheckResult, LABEL } from "./types";
import { progress } from "../log";

/** The output lists load balancers as {name, address} (or plain addresses). */
function addressOf(entry: unknown): string {
  return typeof entry === "object" && entry !== null ? String((entry as { address?: unknown }).address) : String(entry);
}

/** What a user would pass after `pulumi up`: the stack's outputs and the admin credentials. */
export function verifyOptionsOf(deployment: Deployment): VerifyOptions {
  const revealedOutputs = deployment.outputs;
  const text = (key: string): string | undefined => (typeof revealedOutputs[key] === "string" ? (revealedOutputs[key] as string) : undefined);
  const addresses = revealedOutputs["loadBalancerAddresses"];
  const statsUrl = text("statsUrl");
  // With rabbitmq-ha:tls on, as a user would: AMQPS and HTTPS through the VIP, verified with the stack CA.
  const ca = text("caCertificate");
  const httpsManagement = ca && text("managementUrl") ? new URL(text("managementUrl") as string) : undefined;
  if (httpsManagement) httpsManagement.username = httpsManagement.password = "";
  return {
    amqpUrl: (ca && text("amqpsUrl")) || (text("amqpUrl") ?? `amqp://${deployment.vip}:5672`),
    managementUrl: httpsManagement?.href ?? deployment.management.endpoint,
    ...(ca ? { ca } : {}),
    username: deployment.management.username,
    password: deployment.management.password,
    ...(statsUrl ? { statsUrl } : {}),
    ...(Array.isArray(addresses) ? { loadBalancerAddresses: addresses.map(addressOf) } : {}),
    model: deployment.model,
  };
}

/** One e2e check per probe check, named `<prefix>: <check>`; printed as they are recorded. */
export function asE2eChecks(result: VerifyResult, prefix: string): CheckResult[] {
  // A probe check that skipped is a skip here too, never a pass.
  const checks: CheckResult[] = result.checks.map((check) => ({
    name: `${prefix}: ${check.name}`,
    status: check.status === "skip" ? "skip" : check.ok ? "pass" : "fail",
    detail: `${check.status}: ${check.detail}`,
    ms: check.ms,
  }));
  if (result.aborted) checks.push({ name: `${prefix}: run`, status: "fail", detail: result.aborted, ms: 0 });
  for (const check of checks) progress(`  ${LABEL[check.status]} ${check.name}: ${check.detail}`);
  return checks;
}

export async function verifyChecks(deployment: Deployment): Promise<CheckResult[]> {
  const options = verifyOptionsOf(deployment);
  return asE2eChecks(await runVerify(options), options.ca ? "verify over TLS" : "verify");
}
