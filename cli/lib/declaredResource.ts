import { maskPaths } from "./secretPaths";
import type { ResourceOptions } from "./resourceOptions";

/** One resource the program registered, in registration order (dependencies first). */
export interface DeclaredResource {
  /** Type token, e.g. docker:index/container:Container or rabbitmq-ha:cluster:ClusterNode. */
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  /** false for components (ComponentResource), which create nothing themselves. */
  readonly custom: boolean;
  /** Plain input values, secrets included: apply them, never print them (see maskedInputs). */
  readonly inputs: Record<string, unknown>;
  /** Where the secrets are in `inputs`, e.g. `uploads[0].content`. */
  readonly secretPaths: string[];
  /** Provider reference `<provider urn>::<provider id>`, when the resource has an explicit one. */
  readonly provider?: string;
  /** URN of the parent resource, when it has one. */
  readonly parent?: string;
  /** URNs of the resources it depends on (dependsOn and the resources behind its inputs). */
  readonly dependencies: string[];
  /** The resource options the engine would act on (protect, hooks, deleteBeforeReplace, ...). */
  readonly options: ResourceOptions;
}

/** What the provider would return on create: the id and the output properties. */
export interface CreatedState {
  readonly id: string;
  readonly state: Record<string, unknown>;
}

export type NewResource = (resource: DeclaredResource) => Promise<CreatedState>;

/** `inputs` with every secret replaced by "[secret]": safe to print or write to disk. */
export function maskedInputs(resource: DeclaredResource): Record<string, unknown> {
  return maskPaths(resource.inputs, resource.secretPaths);
}
