/**
 * What each resource type's provider does for the offline engine: create (ending with the
 * provider's read-back of the new object), update in place where the provider can, delete.
 * Each follows the create/read/update/delete functions of the provider that would manage the
 * type under `pulumi up`; the file of each type names its source.
 */
import type { ResourceState } from "../types";

/** One provider call's subject: the resource's identity, plain inputs and its provider's config. */
export interface HandlerInput {
  readonly resource: { readonly type: string; readonly name: string; readonly urn: string };
  readonly inputs: Record<string, unknown>;
  /** Plain inputs of the resource's explicit provider; undefined means the default provider. */
  readonly providerInputs: Record<string, unknown> | undefined;
  /**
   * Labels the engine adds to every Docker object it creates (the test suite marks its objects so
   * leftovers of an aborted run can be found); the read-back leaves them out again.
   */
  readonly testLabels: Readonly<Record<string, string>>;
}

/** The id and the outputs as the provider read them back after create. */
export interface AppliedState {
  readonly id: string;
  readonly state: Record<string, unknown>;
}

export type Handler = (input: HandlerInput) => Promise<AppliedState>;

export interface ResourceProvider {
  readonly create: Handler;
  /** In-place update; returns the outputs read back afterwards. Absent: the type has no Update. */
  readonly update?: (input: HandlerInput, old: ResourceState) => Promise<Record<string, unknown>>;
  readonly delete: (old: ResourceState, providerInputs: Record<string, unknown> | undefined) => Promise<void>;
}
