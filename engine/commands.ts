/**
 * The offline engine's commands, named after Pulumi's: `preview` plans, `up` previews and then
 * applies what it planned (as `pulumi up --yes` does; a plan with errors applies nothing),
 * `destroy` deletes everything in the state. Used by engine/cli.ts, the end-to-end suite and
 * the benchmarks.
 */
import * as path from "node:path";
import { planLines, summaryLine } from "./plan/render";
import { DeletePhase } from "./deploy/deletes";
import { HookRegistry } from "../cli/lib/resourceHooks";
import { runProgram } from "../cli/lib/programRunner";
import { type UpdateOptions, type UpdateResult, runUpdate } from "./deploy/update";
import { StateStore } from "./state/store";
import type { StackState } from "./types";

export interface CommandOptions extends Omit<UpdateOptions, "dryRun" | "store"> {
  /** Where state files live (default `<project>/.offline-state`). */
  readonly stateDir?: string;
}

export function storeFor(options: { projectDir: string; stateDir?: string }): StateStore {
  return new StateStore(options.stateDir ?? path.join(options.projectDir, ".offline-state"));
}

export class PlanError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`the plan has ${errors.length} error(s):\n${errors.join("\n")}`);
  }
}

export async function preview(options: CommandOptions): Promise<UpdateResult> {
  const result = await runUpdate({ ...options, dryRun: true, store: storeFor(options) });
  const log = options.log ?? (() => undefined);
  log(`Previewing update (${options.stack}):`);
  for (const line of planLines(result.steps)) log(line);
  for (const error of result.errors) log(`error: ${error}`);
  log(summaryLine(result.counts));
  return result;
}

export interface UpResult {
  readonly plan: UpdateResult;
  readonly applied: UpdateResult;
}

export async function up(options: CommandOptions): Promise<UpResult> {
  const plan = await preview(options);
  if (plan.errors.length > 0) throw new PlanError(plan.errors);
  const log = options.log ?? (() => undefined);
  log(`Updating (${options.stack}):`);
  const applied = await runUpdate({ ...options, dryRun: false, store: storeFor(options) });
  log(summaryLine(applied.counts).replace("to create", "created").replace("to update", "updated").replace("to replace", "replaced").replace("to delete", "deleted"));
  return { plan, applied };
}

export interface DestroyOptions {
  readonly projectDir: string;
  readonly stack: string;
  readonly stateDir?: string;
  readonly log?: (line: string) => void;
  /** Config values over the stack file's, for the program run of `runProgram`. */
  readonly config?: Readonly<Record<string, unknown>>;
  /**
   * `pulumi destroy --run-program`: run the program first so the delete hooks it registers can
   * run (its resources are only declared, never created). Without it, delete hooks are refused.
   */
  readonly runProgram?: boolean;
}

/**
 * Deletes every resource of the state, dependents first. Delete hooks cannot run without the
 * program (pulumi/pulumi pkg/engine/destroy.go refuses the same way unless `--run-program`),
 * protected resources are refused, retained ones only leave the state.
 */
export async function destroy(options: DestroyOptions): Promise<number> {
  const store = storeFor(options);
  const state: StackState = store.load(options.stack);
  const hooks = new HookRegistry();
  const withHooks = state.resources.filter((r) => (r.options.hooks.beforeDelete?.length ?? 0) + (r.options.hooks.afterDelete?.length ?? 0) > 0);
  if (withHooks.length > 0 && !options.runProgram) {
    throw new Error(`Resource has delete hooks registered, but the program is not running. Hooks: ${withHooks.map((r) => r.urn).join(", ")}`);
  }
  if (options.runProgram) {
    const byUrn = new Map(state.resources.map((r) => [r.urn, r]));
    await runProgram({
      projectDir: options.projectDir,
      stack: options.stack,
      preview: true,
      hooks,
      ...(options.config ? { config: options.config } : {}),
      // Every registration is answered from the state: nothing is created or changed.
      newResource: async (r) => ({ id: byUrn.get(r.urn)?.id ?? "", state: byUrn.get(r.urn)?.outputs ?? {} }),
    });
  }
  const gone = new Set<string>();
  const phase = new DeletePhase({
    hooks,
    providerInputs: (ref) => state.resources.find((r) => ref?.startsWith(`${r.urn}::`))?.inputs,
    log: options.log ?? (() => undefined),
    onDeleted: (r) => gone.add(r.urn),
  });
  try {
    await phase.deleteAll(state.resources, state.resources);
  } finally {
    const left = state.resources.filter((r) => !gone.has(r.urn));
    if (left.length === 0) store.remove(options.stack);
    else store.save({ ...state, resources: left });
  }
  return gone.size;
}
