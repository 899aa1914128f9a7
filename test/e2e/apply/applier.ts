/**
 * Applies each resource the program registers, as the mock monitor reports it, for real.
 *
 * The Pulumi SDK registers a resource only once its inputs and `dependsOn` resources have
 * resolved, and a resource's outputs resolve only when its mock returns, so awaiting each create
 * here gives the same dependency order `pulumi up` would follow (independent resources run in
 * parallel, as they would there).
 */
import { AppliedState, CreatedObject, DeclaredResource } from "./types";
import { handlerFor } from "./handlers";
import { testLabelsFor } from "./docker/client";
import { elapsedSince, progress } from "../log";

/** Type tokens whose creation is worth a progress line (the rest are counted). */
const NOTEWORTHY = /docker:index\/(container|network|remoteImage|image):/;

export class Applier {
  readonly created: CreatedObject[] = [];
  private readonly providers = new Map<string, Record<string, unknown>>();
  private readonly testLabels: Record<string, string>;

  constructor(stack: string) {
    this.testLabels = testLabelsFor(stack);
  }

  async apply(resource: DeclaredResource): Promise<AppliedState> {
    if (!resource.custom) return { id: "", state: {} };
    const handler = handlerFor(resource.type);
    if (!handler) throw new Error(`the e2e applier cannot apply resource type ${resource.type} (${resource.name})`);
    // The runner hands inputs over with secrets already unwrapped (cli/lib/recordingMocks.ts).
    const inputs = resource.inputs;
    const providerUrn = resource.provider?.split("::").slice(0, -1).join("::");
    const providerInputs = providerUrn ? this.providers.get(providerUrn) : undefined;
    if (providerUrn && !providerInputs) throw new Error(`${resource.name}: its provider ${providerUrn} was not applied first`);
    const started = Date.now();
    const applied = await handler({ resource, inputs, providerInputs, testLabels: this.testLabels });
    const seconds = elapsedSince(started);
    if (resource.type.startsWith("pulumi:providers:")) this.providers.set(resource.urn, inputs);
    this.created.push({ type: resource.type, name: resource.name, id: applied.id, inputs, state: applied.state, providerUrn, seconds });
    if (NOTEWORTHY.test(resource.type)) progress(`  created ${shortType(resource.type)} ${resource.name} (${seconds}s)`);
    return applied;
  }

  ofType(type: string): CreatedObject[] {
    return this.created.filter((object) => object.type === type);
  }
}

function shortType(type: string): string {
  return type.split(":").at(-1) ?? type;
}
