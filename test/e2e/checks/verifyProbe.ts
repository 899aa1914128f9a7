/**
 * The user-facing reliability probe (`npm run verify`, verify/) run against the fresh
 * deployment with the stack's outputs, as a user would run it after `pulumi up`. Each of its
 * checks becomes one of ours; a warning (degraded) does not fail, as in verify itself.
 */
import { runVerify } from "../../../verify";
import type { Deployment } from "../deployment";
import { CheckResult } from "./types";
import { progress } from "../log";

/** The output lists load balancers as {name, address} (or plain addresses). */
function addressOf(entry: unknown): string {
  return typeof entry === "object" && entry !== null ? String((entry as { address?: unknown }).address) : String(entry);
}

export async function verifyChecks(deployment: Deployment): Promise<CheckResult[]> {
  const revealedOutputs = deployment.outputs;
  const text = (key: string): string | undefined => (typeof revealedOutputs[key] === "string" ? (revealedOutputs[key] as string) : undefined);
  const addresses = revealedOutputs["loadBalancerAddresses"];
  const statsUrl = text("statsUrl");
  const result = await runVerify({
    amqpUrl: text("amqpUrl") ?? `amqp://${deployment.vip}:5672`,
    managementUrl: deployment.management.endpoint,
    username: deployment.management.username,
    password: deployment.management.password,
    ...(statsUrl ? { statsUrl } : {}),
    ...(Array.isArray(addresses) ? { loadBalancerAddresses: addresses.map(addressOf) } : {}),
    model: deployment.model,
  });
  const checks: CheckResult[] = result.checks.map((check) => ({
    name: `verify: ${check.name}`,
    ok: check.ok,
    detail: `${check.status}: ${check.detail}`,
    ms: check.ms,
  }));
  if (result.aborted) checks.push({ name: "verify: run", ok: false, detail: result.aborted, ms: 0 });
  for (const check of checks) progress(`  ${check.ok ? "ok  " : "FAIL"} ${check.name}: ${check.detail}`);
  return checks;
}
