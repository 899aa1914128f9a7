/**
 * The applier's vocabulary: what the Pulumi program declared (as the mock monitor reports it)
 * and what applying it for real produced.
 *
 * The applier stands in for `pulumi up` on machines that cannot download the Pulumi CLI: every
 * declared resource is created for real, following the create semantics of the provider that
 * would manage it. It never adjusts what the program declared.
 */

export type { DeclaredResource } from "../../../cli/lib/programRunner";
/** The `{id, state}` a create returns: the resource's id and its output properties. */
export type { CreatedState as AppliedState } from "../../../cli/lib/programRunner";
import type { DeclaredResource } from "../../../cli/lib/programRunner";
import type { CreatedState as AppliedState } from "../../../cli/lib/programRunner";

/** Something created for real, remembered for checks and teardown. */
export interface CreatedObject {
  readonly type: string;
  readonly name: string;
  readonly id: string;
  /** Inputs as applied (secrets in clear: never print them). */
  readonly inputs: Record<string, unknown>;
  readonly state: Record<string, unknown>;
  /** Which provider instance created it (urn), when it has one. */
  readonly providerUrn: string | undefined;
  readonly seconds: number;
}

/** What a handler gets: the resource's plain inputs and the provider it is bound to. */
export interface HandlerInput {
  readonly resource: DeclaredResource;
  readonly inputs: Record<string, unknown>;
  /** Plain inputs of the resource's explicit provider; undefined means the default provider. */
  readonly providerInputs: Record<string, unknown> | undefined;
  /** Labels the suite adds to every Docker object it creates, so it can find and remove them. */
  readonly testLabels: Readonly<Record<string, string>>;
}

export type Handler = (input: HandlerInput) => Promise<AppliedState>;
