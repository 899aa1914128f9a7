/**
 * The offline engine's vocabulary: what a stack's state holds per resource (as a Pulumi
 * checkpoint does: inputs, the outputs the provider read back, options, dependencies) and the
 * steps an update plans and runs.
 */
import type { ResourceOptions } from "../cli/lib/resourceOptions";

export type { DeclaredResource } from "../cli/lib/declaredResource";
export type { ResourceOptions, HookKind } from "../cli/lib/resourceOptions";

export interface ResourceState {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly id: string;
  /** Inputs as the program declared them (secrets in clear in memory; sealed on disk). */
  readonly inputs: Record<string, unknown>;
  /** Outputs as the provider read them back after its last create or update. */
  readonly outputs: Record<string, unknown>;
  /** Paths of secret values in inputs and outputs (`uploads[0].content`, `result`). */
  readonly secretPaths: readonly string[];
  readonly parent?: string;
  /** `<provider urn>::<provider id>` for an explicit provider. */
  readonly provider?: string;
  readonly dependencies: readonly string[];
  readonly options: ResourceOptions;
}

export interface StackState {
  readonly version: 1;
  readonly stack: string;
  /** In registration order: every resource after the resources it depends on. */
  readonly resources: readonly ResourceState[];
  /** Stack outputs (secret ones sealed on disk). */
  readonly outputs: Record<string, unknown>;
  readonly secretOutputs: readonly string[];
}

export const STEP_KINDS = ["same", "create", "update", "replace", "delete"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** One planned (preview) or executed (up) step, with why the engine chose it. */
export interface Step {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly kind: StepKind;
  readonly custom: boolean;
  /** Changed properties and how each forces the step (`image (replace)`), or why it happens. */
  readonly reasons: readonly string[];
  /** Delete-before-replace for a replacement. */
  readonly deleteBeforeReplace?: boolean;
  /** Wall-clock span of the step's provider calls (up only). */
  readonly startedAt?: number;
  readonly finishedAt?: number;
}

export type PlanCounts = Record<Exclude<StepKind, "same">, number> & { same: number };

export function countSteps(steps: readonly Step[]): PlanCounts {
  const counts: PlanCounts = { same: 0, create: 0, update: 0, replace: 0, delete: 0 };
  for (const step of steps) counts[step.kind]++;
  return counts;
}
