/**
 * One `pulumi preview` or `pulumi up` of the program against a stack's state, offline.
 *
 * The program runs under Pulumi's mock monitor (cli/lib/programRunner.ts); each registration
 * arrives here once its inputs and dependencies have resolved, as it reaches the engine's step
 * generator, and its answer (the resource's outputs) releases its dependents. So independent
 * steps run in parallel and dependents wait, as the engine's step executor has them
 * (pulumi/pulumi v3.259 pkg/resource/deploy/step_executor.go: one chain per registration).
 * Each registration is diffed against the state (plan/diff.ts), then created, updated,
 * replaced (delete-before-replace with its dependents, or create-before-delete with the old
 * copy deleted at the end) or left alone. After the program has finished, what it no longer
 * declares is deleted (deletes.ts). The engine's rules each step follows are cited where applied.
 */
import { runProgram } from "../../cli/lib/programRunner";
import { HookRegistry } from "../../cli/lib/resourceHooks";
import { MASK } from "../../cli/lib/secretPaths";
import { factsFor } from "../plan/changeTable";
import { type Diff, diffInputs } from "../plan/diff";
import { applyIgnoreChanges } from "../plan/ignoreChanges";
import { diffDynamic, isDynamicType } from "../providers/dynamic";
import { providerFor } from "../providers/handlers";
import type { StateStore } from "../state/store";
import { type DeclaredResource, type ResourceState, type StackState, type Step, countSteps, type PlanCounts } from "../types";
import { dependentReplacements } from "./cascade";
import { DeletePhase } from "./deletes";
import { runHooks } from "./hooks";
import { previewOutputs, UNKNOWN } from "./previewOutputs";

export interface UpdateOptions {
  readonly projectDir: string;
  readonly stack: string;
  readonly store: StateStore;
  /** true: plan only (`pulumi preview`); nothing is created, changed or deleted. */
  readonly dryRun: boolean;
  /** Config set over the stack file's, by full key (`rabbitmq-ha:cluster`). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Labels added to every Docker object created (the test suite's cleanup marks). */
  readonly testLabels?: Readonly<Record<string, string>>;
  readonly log?: (line: string) => void;
}

export interface UpdateResult {
  readonly steps: readonly Step[];
  readonly counts: PlanCounts;
  /** Problems that make the plan impossible (a protected resource to replace or delete). */
  readonly errors: readonly string[];
  readonly state: StackState;
  /** Stack outputs, secret ones masked. */
  readonly outputs: Record<string, unknown>;
  /** Stack outputs in clear: use them, never print them. */
  readonly revealedOutputs: Record<string, unknown>;
}

interface Decision {
  readonly kind: "same" | "create" | "update" | "replace";
  readonly reasons: string[];
  readonly deleteBeforeReplace: boolean;
  readonly diff?: Diff;
}

export class UpdateRun {
  private readonly oldByUrn: Map<string, ResourceState>;
  private readonly registered = new Map<string, ResourceState>();
  /** Old resources already deleted during the run (a delete-before-replace and its dependents). */
  private readonly deletedOld = new Set<string>();
  /** Old resources a delete-before-replace will replace (preview) or has deleted (up), and why. */
  private readonly cascaded = new Map<string, string>();
  /** Resources replaced in this run (for `replaceWith`). */
  private readonly replaced = new Set<string>();
  /** Old copies of create-before-delete replacements: deleted in the final phase. */
  private readonly pendingDeletes: ResourceState[] = [];
  readonly steps: Step[] = [];
  readonly errors: string[] = [];
  readonly hooks = new HookRegistry();
  private readonly log: (line: string) => void;

  constructor(private readonly options: UpdateOptions, private readonly old: StackState) {
    this.oldByUrn = new Map(old.resources.map((r) => [r.urn, r]));
    this.log = options.log ?? (() => undefined);
  }

  async register(declared: DeclaredResource): Promise<{ id: string; state: Record<string, unknown> }> {
    const old = this.deletedOld.has(declared.urn) ? undefined : this.oldByUrn.get(declared.urn);
    const resource = old && declared.custom ? this.withIgnoredChanges(declared, old) : declared;
    if (!resource.custom) {
      // Components: the engine compares old and new inputs (step_generator.go diff()).
      this.record(resource, old ? "same" : "create", [], undefined);
      this.keep(resource, "", {});
      return { id: "", state: {} };
    }
    const decision = await this.decide(resource, old);
    const started = Date.now();
    const applied = await this.apply(resource, old, decision);
    this.record(resource, decision.kind, decision.reasons, decision.kind === "replace" ? decision.deleteBeforeReplace : undefined, started);
    this.keep(resource, applied.id, applied.state);
    return applied;
  }

  /** step_generator.go: ignoreChanges resets paths to the old inputs before the diff, for an existing resource only. */
  private withIgnoredChanges(resource: DeclaredResource, old: ResourceState): DeclaredResource {
    if (resource.options.ignoreChanges.length === 0) return resource;
    const { inputs, errors } = applyIgnoreChanges(resource.inputs, old.inputs, resource.options.ignoreChanges);
    for (const error of errors) this.fail(`${resource.urn}: ${error}`);
    return { ...resource, inputs };
  }

  private async decide(resource: DeclaredResource, old: ResourceState | undefined): Promise<Decision> {
    const cascade = this.cascaded.get(resource.urn);
    if (cascade !== undefined) return { kind: "replace", reasons: [cascade], deleteBeforeReplace: true };
    if (!old) return { kind: "create", reasons: [], deleteBeforeReplace: false };
    const reasons: string[] = [];
    let kind: Decision["kind"];
    let deleteBeforeReplace: boolean;
    let diffResult: Diff | undefined;
    if (isDynamicType(resource.type)) {
      const diff = await diffDynamic(old, resource.inputs);
      kind = diff.replaces.length > 0 ? "replace" : diff.changes ? "update" : "same";
      reasons.push(...diff.replaces.map((p) => `${p} (replace)`));
      if (kind === "update") reasons.push("the dynamic provider's diff reports changes");
      deleteBeforeReplace = diff.deleteBeforeReplace;
    } else {
      const facts = factsFor(resource.type);
      if (!facts) throw new Error(`${resource.urn}: no change facts for type ${resource.type} (engine/plan/changeTable.ts)`);
      const diff = diffInputs(facts, old, resource.inputs, resource.options);
      kind = diff.kind;
      diffResult = diff;
      reasons.push(...diff.changes.map((c) => `${c.field} (${c.change})`));
      deleteBeforeReplace = facts.deleteBeforeReplace;
    }
    // step_generator.go diff(): a replaceWith target replaced in this run replaces this one.
    const trigger = resource.options.replaceWith.find((urn) => this.replaced.has(urn));
    if (trigger) {
      kind = "replace";
      reasons.push(`replaceWith ${nameOf(trigger)} (replaced)`);
    }
    // The program's deleteBeforeReplace option overrides the provider's answer either way.
    deleteBeforeReplace = resource.options.deleteBeforeReplace ?? deleteBeforeReplace;
    if (kind === "replace" && old.options.protect && resource.options.protect) {
      this.fail(`unable to replace resource "${resource.urn}"\nas it is currently marked for protection. To unprotect the resource, remove the \`protect\` flag from the resource in your Pulumi program and run \`pulumi up\``);
    }
    return { kind, reasons, deleteBeforeReplace, ...(diffResult ? { diff: diffResult } : {}) };
  }

  private async apply(resource: DeclaredResource, old: ResourceState | undefined, decision: Decision): Promise<{ id: string; state: Record<string, unknown> }> {
    const dryRun = this.options.dryRun;
    switch (decision.kind) {
      case "same":
        return { id: (old as ResourceState).id, state: (old as ResourceState).outputs };
      case "create":
        return dryRun ? { id: UNKNOWN, state: previewOutputs(resource.type, resource.inputs) } : this.create(resource);
      case "update":
        return this.update(resource, old as ResourceState, decision);
      case "replace":
        if (old) this.replaced.add(resource.urn);
        if (decision.deleteBeforeReplace && old) await this.deleteBeforeReplace(old);
        else if (old) this.pendingDeletes.push(old);
        return dryRun ? { id: UNKNOWN, state: previewOutputs(resource.type, resource.inputs) } : this.create(resource);
    }
  }

  private async create(resource: DeclaredResource): Promise<{ id: string; state: Record<string, unknown> }> {
    const call = { urn: resource.urn, id: "", name: resource.name, type: resource.type, newInputs: resource.inputs };
    await runHooks(this.hooks, "beforeCreate", resource.options.hooks, call, false, this.log);
    const created = await providerFor(resource.type).create(this.handlerInput(resource));
    await runHooks(this.hooks, "afterCreate", resource.options.hooks, { ...call, id: created.id, newOutputs: created.state }, false, this.log);
    return created;
  }

  private async update(resource: DeclaredResource, old: ResourceState, decision: Decision): Promise<{ id: string; state: Record<string, unknown> }> {
    if (this.options.dryRun) return { id: old.id, state: { ...old.outputs, ...resource.inputs } };
    const call = { urn: resource.urn, id: old.id, name: resource.name, type: resource.type, newInputs: resource.inputs, oldInputs: old.inputs, oldOutputs: old.outputs };
    await runHooks(this.hooks, "beforeUpdate", resource.options.hooks, call, false, this.log);
    const stateOnly = decision.diff?.changes.every((c) => c.change === "state") ?? false;
    const provider = providerFor(resource.type);
    let outputs: Record<string, unknown>;
    if (stateOnly || !provider.update) {
      if (!stateOnly && !provider.update) throw new Error(`${resource.urn}: ${resource.type} has no update, yet ${decision.reasons.join(", ")} changed`);
      // Fields the provider only keeps in state: its Update makes no call (see changeTable.ts).
      outputs = { ...old.outputs, ...resource.inputs };
    } else {
      outputs = await provider.update(this.handlerInput(resource), old);
    }
    await runHooks(this.hooks, "afterUpdate", resource.options.hooks, { ...call, newOutputs: outputs }, false, this.log);
    return { id: old.id, state: outputs };
  }

  /**
   * step_generator.go (delete-before-replace): dependents that must be replaced with `old` are
   * deleted first, in reverse dependency order, then `old`; the create follows in the caller.
   */
  private async deleteBeforeReplace(old: ResourceState): Promise<void> {
    const dependents = dependentReplacements(old, this.old.resources, (urn) => this.registered.has(urn) || this.deletedOld.has(urn));
    for (const d of dependents) {
      this.cascaded.set(d.resource.urn, `${d.property} depends on ${nameOf(d.on)}, replaced delete-before-replace`);
      if (d.resource.options.protect) {
        this.fail(`unable to replace resource "${d.resource.urn}" as part of replacing "${old.urn}" as it is currently marked for protection.`);
      }
    }
    if (this.options.dryRun) return;
    const phase = new DeletePhase(this.deleteContext());
    for (const d of [...dependents].reverse()) {
      await phase.deleteOne(d.resource, true);
      this.deletedOld.add(d.resource.urn);
    }
    await phase.deleteOne(old, true);
    this.deletedOld.add(old.urn);
  }

  /** After the program has finished: delete what it no longer declares, and old replaced copies. */
  async deleteRemoved(): Promise<void> {
    const removed = this.old.resources.filter((r) => !this.registered.has(r.urn) && !this.deletedOld.has(r.urn));
    const condemned = [...removed, ...this.pendingDeletes];
    // The old copy of a create-before-delete replacement belongs to its replace step (Pulumi's
    // DeleteReplaced step is counted with the replacement), not to the deletes.
    for (const r of removed) this.record(r, "delete", ["no longer declared"], undefined);
    const phase = new DeletePhase(this.deleteContext());
    if (this.options.dryRun) {
      for (const error of phase.protectErrors(removed)) this.errors.push(error);
      for (const error of phase.hookErrors(condemned)) this.errors.push(error);
      return;
    }
    await phase.deleteAll(condemned, removed);
  }

  private deleteContext() {
    return {
      hooks: this.hooks,
      providerInputs: (ref: string | undefined) => this.providerInputs(ref),
      log: this.log,
      onDeleted: (r: ResourceState) => this.deletedOld.add(r.urn),
    };
  }

  /** The state after this run: every registered resource, plus old ones that still exist. */
  stateAfter(outputs: Record<string, unknown>, secretOutputs: string[], failed: boolean): StackState {
    const resources = [...this.registered.values()];
    if (failed) {
      // Like the engine's checkpoints: what was not reached is still there and stays in state.
      for (const r of this.old.resources) if (!this.registered.has(r.urn) && !this.deletedOld.has(r.urn)) resources.push(r);
    }
    return { version: 1, stack: this.old.stack, resources, outputs, secretOutputs };
  }

  private handlerInput(resource: DeclaredResource) {
    return { resource, inputs: resource.inputs, providerInputs: this.providerInputs(resource.provider), testLabels: this.options.testLabels ?? {} };
  }

  /** A provider reference's config: as registered in this run, else as the old state has it. */
  private providerInputs(ref: string | undefined): Record<string, unknown> | undefined {
    if (!ref) return undefined;
    const urn = ref.split("::").slice(0, -1).join("::");
    const provider = this.registered.get(urn) ?? this.oldByUrn.get(urn);
    if (!provider) throw new Error(`provider ${urn} is neither registered nor in the state`);
    return provider.inputs;
  }

  private keep(resource: DeclaredResource, id: string, outputs: Record<string, unknown>): void {
    const facts = factsFor(resource.type);
    this.registered.set(resource.urn, {
      urn: resource.urn,
      type: resource.type,
      name: resource.name,
      custom: resource.custom,
      id,
      inputs: resource.inputs,
      outputs,
      secretPaths: [...new Set([...resource.secretPaths, ...resource.options.additionalSecretOutputs, ...(facts?.secretOutputs ?? [])])],
      ...(resource.parent ? { parent: resource.parent } : {}),
      ...(resource.provider ? { provider: resource.provider } : {}),
      dependencies: resource.dependencies,
      options: resource.options,
    });
  }

  private record(r: { urn: string; type: string; name: string; custom: boolean }, kind: Step["kind"], reasons: string[], dbr: boolean | undefined, startedAt?: number): void {
    const step: Step = {
      urn: r.urn,
      type: r.type,
      name: r.name,
      kind,
      custom: r.custom,
      reasons,
      ...(dbr === undefined ? {} : { deleteBeforeReplace: dbr }),
      ...(startedAt === undefined || this.options.dryRun ? {} : { startedAt, finishedAt: Date.now() }),
    };
    this.steps.push(step);
    if (!this.options.dryRun && kind !== "same" && r.custom) this.log(`  ${kind} ${shortType(r.type)} ${r.name}${startedAt ? ` (${((Date.now() - startedAt) / 1000).toFixed(1)}s)` : ""}`);
  }

  /** In a preview, collect (the engine reports and goes on); in an update, stop the step. */
  private fail(message: string): void {
    if (this.options.dryRun) this.errors.push(message);
    else throw new Error(message);
  }
}

export async function runUpdate(options: UpdateOptions): Promise<UpdateResult> {
  const old = options.store.load(options.stack);
  const run = new UpdateRun(options, old);
  let result;
  try {
    result = await runProgram({
      projectDir: options.projectDir,
      stack: options.stack,
      preview: options.dryRun,
      hooks: run.hooks,
      ...(options.config ? { config: options.config } : {}),
      newResource: (resource) => run.register(resource),
    });
    await run.deleteRemoved();
  } catch (error) {
    if (!options.dryRun) options.store.save(run.stateAfter(old.outputs, [...old.secretOutputs], true));
    throw error;
  }
  const secretOutputs = Object.keys(result.outputs).filter((key) => result.outputs[key] === MASK);
  const state = run.stateAfter(result.revealedOutputs, secretOutputs, false);
  if (!options.dryRun) options.store.save(state);
  return {
    steps: run.steps,
    counts: countSteps(run.steps),
    errors: run.errors,
    state: options.dryRun ? old : state,
    outputs: result.outputs,
    revealedOutputs: result.revealedOutputs,
  };
}

function nameOf(urn: string): string {
  return urn.split("::").at(-1) ?? urn;
}

function shortType(type: string): string {
  return type.split(":").at(-1) ?? type;
}
