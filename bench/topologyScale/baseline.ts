/**
 * The baseline: the Pulumi SDK alone registering the same rabbitmq resources, same types and
 * same inputs as our program declared, under the same mocks, with no model and no validation.
 * Inputs are plain values taken from a recorded run of our program, which is the cheapest way
 * the SDK can be driven (a hand-written program would pass Outputs between resources).
 */
import * as pulumi from "@pulumi/pulumi";
import * as rabbitmq from "@pulumi/rabbitmq";
import type { DeclaredResource } from "../../cli/lib/declaredResource";
import { fakeNewResource } from "../../cli/lib/fakeResources";
import { RecordingMocks } from "../../cli/lib/recordingMocks";

type ResourceClass = new (name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** Every @pulumi/rabbitmq resource class by its type token (each carries `__pulumiType`). */
const CLASSES = new Map<string, ResourceClass>(
  Object.values(rabbitmq as Record<string, unknown>)
    .filter((value): value is ResourceClass & { __pulumiType: string } => typeof value === "function" && "__pulumiType" in value)
    .map((cls) => [cls.__pulumiType, cls]),
);

const PROVIDER_TYPE = "pulumi:providers:rabbitmq";

/** The rabbitmq resources (provider first) of a recorded run, as the baseline will declare them. */
export function rabbitmqResources(recorded: readonly DeclaredResource[]): DeclaredResource[] {
  const provider = recorded.filter((r) => r.type === PROVIDER_TYPE);
  return [...provider, ...recorded.filter((r) => r.type.startsWith("rabbitmq:"))];
}

/** Registers `resources` with the bare SDK and waits until every registration is done. */
export async function runBaseline(project: string, stack: string, resources: readonly DeclaredResource[]): Promise<number> {
  const mocks = new RecordingMocks(project, stack, fakeNewResource);
  await mocks.install();
  let provider: pulumi.ProviderResource | undefined;
  for (const r of resources) {
    if (r.type === PROVIDER_TYPE) {
      provider = new rabbitmq.Provider(r.name, r.inputs as unknown as rabbitmq.ProviderArgs);
      continue;
    }
    const cls = CLASSES.get(r.type);
    if (!cls) throw new Error(`no @pulumi/rabbitmq class has type ${r.type}`);
    new cls(r.name, r.inputs, { provider });
  }
  await pulumi.runtime.disconnect();
  return mocks.resources.length;
}
