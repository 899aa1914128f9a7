/**
 * Deletes, as the engine runs them (pulumi/pulumi v3.259 pkg/resource/deploy/step.go
 * DeleteStep.Apply; step_generator.go GenerateDeletes and ScheduleDeletes):
 *  - BeforeDelete hooks (the names the old state recorded, run from this program run's
 *    registrations), then `protect` (the old state's) refuses the delete, then the provider's
 *    delete, skipped for `retainOnDelete` or when the `deletedWith` target is being deleted too;
 *    then AfterDelete hooks;
 *  - what the program no longer declares is deleted after it has finished, in antichains of the
 *    reverse dependency graph (dependencies = provider, parent, dependsOn, property
 *    dependencies, deletedWith, replaceWith): each layer in parallel, layer after layer. A failed
 *    delete leaves the resources it depends on in place; the others go on; the update fails.
 */
import type { HookRegistry } from "../../cli/lib/resourceHooks";
import { providerFor } from "../providers/handlers";
import type { ResourceState } from "../types";
import { runHooks } from "./hooks";

export interface DeleteContext {
  readonly hooks: HookRegistry;
  readonly providerInputs: (ref: string | undefined) => Record<string, unknown> | undefined;
  readonly log: (line: string) => void;
  readonly onDeleted: (resource: ResourceState) => void;
}

export function protectedError(urn: string): string {
  return `resource "${urn}" cannot be deleted\nbecause it is protected. To unprotect the resource, either remove the \`protect\` flag from the resource in your Pulumi program and run \`pulumi up\`, or use the command:\n\`pulumi state unprotect '${urn}'\``;
}

export function dependenciesOf(r: ResourceState): string[] {
  return [
    ...(r.provider ? [r.provider.split("::").slice(0, -1).join("::")] : []),
    ...(r.parent ? [r.parent] : []),
    ...r.dependencies,
    ...Object.values(r.options.propertyDependencies).flat(),
    ...(r.options.deletedWith ? [r.options.deletedWith] : []),
    ...r.options.replaceWith,
  ];
}

export class DeletePhase {
  /** Everything condemned in this run: a deletedWith target among them skips the provider call. */
  private readonly deleting = new Set<string>();

  constructor(private readonly ctx: DeleteContext) {}

  /** The errors a preview reports for these deletes (the engine's preview errors too). */
  protectErrors(removed: readonly ResourceState[]): string[] {
    return removed.filter((r) => r.options.protect).map((r) => protectedError(r.urn));
  }

  hookErrors(condemned: readonly ResourceState[]): string[] {
    return condemned.flatMap((r) =>
      (["beforeDelete", "afterDelete"] as const).flatMap((kind) =>
        (r.options.hooks[kind] ?? []).filter((name) => !this.ctx.hooks.has(name)).map((name) => `${r.urn}: hook "${name}" was not registered`),
      ),
    );
  }

  async deleteOne(r: ResourceState, replacing: boolean): Promise<void> {
    this.deleting.add(r.urn);
    const call = { urn: r.urn, id: r.id, name: r.name, type: r.type, oldInputs: r.inputs, oldOutputs: r.outputs };
    await runHooks(this.ctx.hooks, "beforeDelete", r.options.hooks, call, false, this.ctx.log);
    if (!replacing && r.options.protect) throw new Error(protectedError(r.urn));
    const started = Date.now();
    let how = "";
    if (!r.custom) how = "";
    else if (r.options.retainOnDelete) how = " (retainOnDelete: left in place, dropped from state)";
    else if (r.options.deletedWith && this.deleting.has(r.options.deletedWith)) how = ` (deletedWith ${r.options.deletedWith.split("::").at(-1)}: no call of its own)`;
    else await providerFor(r.type).delete(r, this.ctx.providerInputs(r.provider));
    await runHooks(this.ctx.hooks, "afterDelete", r.options.hooks, call, false, this.ctx.log);
    this.ctx.onDeleted(r);
    if (r.custom) this.ctx.log(`  delete ${r.type.split(":").at(-1)} ${r.name}${how} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  }

  /** `removed` (no longer declared) and old copies of replacements, dependents first. */
  async deleteAll(condemned: readonly ResourceState[], removed: readonly ResourceState[]): Promise<void> {
    for (const r of condemned) this.deleting.add(r.urn);
    const failures: string[] = [];
    const blocked = new Set<string>();
    for (const layer of deleteLayers(condemned)) {
      await Promise.all(
        layer.map(async (r) => {
          if (blocked.has(r.urn)) return;
          try {
            await this.deleteOne(r, !removed.includes(r));
          } catch (error) {
            failures.push((error as Error).message);
            for (const dependency of dependenciesOf(r)) blocked.add(dependency);
          }
        }),
      );
    }
    if (failures.length > 0) throw new Error(`${failures.length} delete(s) failed:\n${failures.join("\n")}`);
  }
}

/** Antichains of the condemned resources, most dependent first (ScheduleDeletes, reversed rounds). */
export function deleteLayers(condemned: readonly ResourceState[]): ResourceState[][] {
  const urns = new Set(condemned.map((r) => r.urn));
  const remaining = new Set(condemned);
  const rounds: ResourceState[][] = [];
  const placed = new Set<string>();
  while (remaining.size > 0) {
    const round = [...remaining].filter((r) => dependenciesOf(r).every((d) => d === r.urn || !urns.has(d) || placed.has(d)));
    if (round.length === 0) throw new Error(`a dependency cycle among deletes: ${[...remaining].map((r) => r.urn).join(", ")}`);
    for (const r of round) remaining.delete(r);
    for (const r of round) placed.add(r.urn);
    rounds.push(round);
  }
  return rounds.reverse();
}
