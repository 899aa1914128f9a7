/**
 * Runs a resource's hooks of one kind, in order, as the engine does (pulumi/pulumi v3.259
 * pkg/resource/deploy/deployment.go RunHooks; step.go calls it around each provider operation):
 * a hook name the current program run did not register fails the step ("was not registered");
 * a failing before-hook fails the step before the provider is called; a failing after-hook fails
 * the update after the step's state is kept; `ignoreErrors` hooks only warn; in a preview a hook
 * runs only with `onDryRun`.
 */
import type { HookCall, HookRegistry } from "../../cli/lib/resourceHooks";
import type { HookKind, ResourceOptions } from "../types";

export class HookError extends Error {}

export async function runHooks(
  registry: HookRegistry,
  kind: HookKind,
  hooks: ResourceOptions["hooks"],
  call: HookCall,
  dryRun: boolean,
  warn: (line: string) => void,
): Promise<void> {
  const when = kind.startsWith("before") ? "before" : "after";
  for (const name of hooks[kind] ?? []) {
    if (!registry.has(name)) throw new HookError(`${call.urn}: hook "${name}" was not registered`);
    const result = await registry.invoke(kind, name, call, dryRun);
    if (result.skipped || result.error === undefined) continue;
    if (result.ignored) {
      warn(`${kind} hook "${name}" failed: ${result.error}`);
      continue;
    }
    throw new HookError(`${call.urn}: ${when} hook "${name}" failed: ${result.error}`);
  }
}
