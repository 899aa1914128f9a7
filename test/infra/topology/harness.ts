/**
 * Runs the Topology component under Pulumi mocks and records, per resource, what the engine
 * would get: type, name, inputs and provider reference (from the mocks), and the resource
 * options the builders passed (protect, replaceWith, dependsOn... which the mocks do not see)
 * through a transformation on the component, which its children inherit.
 * Resources are listed in declaration order. Modules are reset and imported after setMocks, so each run is a fresh program.
 */
import type * as pulumiTypes from "@pulumi/pulumi";
import { vi } from "vitest";
import type { TopologyArgs } from "../../../infra/topology/topology";

export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
  readonly provider: string | undefined;
  opts: pulumiTypes.CustomResourceOptions;
  resource: pulumiTypes.Resource | undefined;
}

export interface TopologyRun {
  readonly pulumi: typeof pulumiTypes;
  readonly resources: RecordedResource[];
  readonly userNames: string[];
  byName(name: string): RecordedResource;
  ofType(type: string): RecordedResource[];
  urnOf(resource: pulumiTypes.Resource): Promise<string>;
}

export function valueOf<T>(output: pulumiTypes.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

export async function runTopology(args: (pulumi: typeof pulumiTypes) => TopologyArgs): Promise<TopologyRun> {
  vi.resetModules();
  const pulumi = await import("@pulumi/pulumi");
  const resources: RecordedResource[] = [];
  const options = new Map<string, { opts: pulumiTypes.CustomResourceOptions; resource: pulumiTypes.Resource }>();
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        resources.push({ type: a.type, name: a.name, inputs: a.inputs, provider: a.provider, opts: {}, resource: undefined });
        return { id: `${a.name}-id`, state: a.inputs };
      },
      call: (a) => a.inputs,
    },
    "rabbitmq-ha",
    "test",
    false,
  );
  const { Topology } = await import("../../../infra/topology/topology");
  const capture: pulumiTypes.ResourceTransformation = (t) => {
    options.set(t.name, { opts: t.opts as pulumiTypes.CustomResourceOptions, resource: t.resource });
    return undefined;
  };
  const topology = new Topology("topology", args(pulumi), { transformations: [capture] });
  const userNames = await valueOf(topology.userNames);
  await pulumi.runtime.disconnect();
  for (const r of resources) Object.assign(r, options.get(r.name) ?? {});
  // Registration is asynchronous; transformations run in declaration order: report in that one.
  const declared = [...options.keys()];
  resources.sort((a, b) => declared.indexOf(a.name) - declared.indexOf(b.name));
  const byName = (name: string) => {
    const found = resources.find((r) => r.name === name);
    if (!found) throw new Error(`no resource ${name}; have ${resources.map((r) => r.name).join(", ")}`);
    return found;
  };
  return {
    pulumi,
    resources,
    userNames,
    byName,
    ofType: (type) => resources.filter((r) => r.type === type),
    urnOf: (resource) => valueOf(resource.urn),
  };
}
