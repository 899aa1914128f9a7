/**
 * A deployed stack's outputs through Pulumi's Automation API, which drives the Pulumi CLI (it
 * decrypts the secret outputs, so a passphrase backend needs PULUMI_CONFIG_PASSPHRASE). Without
 * a working CLI the probe says why and falls back to flags and environment variables.
 */
import { existsSync } from "node:fs";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { join } from "node:path";
import type { StackOutputs, StackSource } from "./resolve";

export async function readStackOutputs(projectDir: string, stackName: string): Promise<StackSource> {
  try {
    // Loaded only here: the SDK is heavy, and a run with explicit URLs never needs it.
    const { LocalWorkspace, PulumiCommand } = await import("@pulumi/pulumi/automation");
    const pulumiCommand = await PulumiCommand.get({ skipVersionCheck: true });
    const stack = await LocalWorkspace.selectStack({ stackName, workDir: projectDir }, { pulumiCommand });
    return { name: stackName, outputs: toStackOutputs(await stack.outputs()), unavailable: undefined };
  } catch (error) {
    // Deployed offline (npm run offline -- up): the offline engine's state has the outputs.
    const offline = await offlineOutputs(projectDir, stackName);
    if (offline) return { name: stackName, outputs: toStackOutputs(offline), unavailable: undefined };
    return { name: stackName, outputs: undefined, unavailable: cliReason(error) };
  }
}

async function offlineOutputs(projectDir: string, stackName: string): Promise<OutputMap | undefined> {
  const { StateStore } = await import("../../engine/state/store");
  const store = new StateStore(join(projectDir, ".offline-state"));
  if (!existsSync(store.fileOf(stackName))) return undefined;
  const state = store.load(stackName);
  return Object.fromEntries(Object.entries(state.outputs).map(([key, value]) => [key, { value, secret: state.secretOutputs.includes(key) }]));
}

/** The CLI's own "error: ..." line when there is one (its messages carry stdout, stderr and exit code). */
export function cliReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const said = /error: (.+)/.exec(message)?.[1];
  if (said !== undefined) return said.trim();
  if (/ENOENT|not found|fetch failed/i.test(message)) return "the Pulumi CLI is not installed or could not be downloaded";
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** loadBalancerAddresses is [{name, address}] (infra/loadbalancer); plain strings are accepted too. */
function addresses(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .map((item: unknown) => (typeof item === "string" ? item : text((item as { address?: unknown } | null)?.address)))
    .filter((item): item is string => item !== undefined);
}

export function toStackOutputs(outputs: OutputMap): StackOutputs {
  const value = (key: string): unknown => outputs[key]?.value;
  const result = {
    amqpUrl: text(value("amqpUrl")),
    managementUrl: text(value("managementUrl")),
    statsUrl: text(value("statsUrl")),
    adminUser: text(value("adminUser")),
    loadBalancerAddresses: addresses(value("loadBalancerAddresses")),
    amqpsUrl: text(value("amqpsUrl")),
    caCertificate: text(value("caCertificate")),
  };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as StackOutputs;
}
