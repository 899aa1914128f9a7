/**
 * Pulumi dynamic resources (type `pulumi-nodejs:dynamic[/module]:Type`). Under `pulumi up` the
 * engine calls the provider object the program serialised with the resource (check, diff,
 * create, update, delete: @pulumi/pulumi dynamic/index.js). Here the same provider object is
 * called in process, found by the resource's `kind` input. Its `diff` decides the step, as the
 * engine lets a dynamic provider decide.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ADMIN_CREDENTIAL_KIND, adminCredentialProvider } from "../../infra/admin/resource";
import { CLUSTER_GUARD_KIND, clusterGuardProvider } from "../../infra/cluster/guard/resource";
import { VHOST_SETTINGS_KIND, vhostSettingsProvider } from "../../infra/topology/vhostSettings/resource";
import type { ResourceState } from "../types";
import { reqString } from "./inputs";
import type { AppliedState, HandlerInput, ResourceProvider } from "./types";

type AnyDynamicProvider = pulumi.dynamic.ResourceProvider<Record<string, unknown>, Record<string, unknown>>;

const DYNAMIC_PROVIDERS: Readonly<Record<string, AnyDynamicProvider>> = {
  [VHOST_SETTINGS_KIND]: vhostSettingsProvider as unknown as AnyDynamicProvider,
  [ADMIN_CREDENTIAL_KIND]: adminCredentialProvider as unknown as AnyDynamicProvider,
  [CLUSTER_GUARD_KIND]: clusterGuardProvider as unknown as AnyDynamicProvider,
};

export function isDynamicType(type: string): boolean {
  return type.startsWith("pulumi-nodejs:dynamic");
}

/** The resource's properties without the serialised provider code the SDK adds (`__provider`). */
function propsOf(inputs: Record<string, unknown>): Record<string, unknown> {
  const { __provider: _code, ...props } = inputs;
  return props;
}

function providerOf(inputs: Record<string, unknown>, where: string): AnyDynamicProvider {
  const kind = reqString(inputs, "kind", where);
  const provider = DYNAMIC_PROVIDERS[kind];
  if (!provider) throw new Error(`${where}: the offline engine knows no dynamic provider for kind "${kind}"`);
  return provider;
}

export interface DynamicDiff {
  readonly changes: boolean;
  readonly replaces: readonly string[];
  readonly deleteBeforeReplace: boolean;
}

export async function diffDynamic(old: ResourceState, news: Record<string, unknown>): Promise<DynamicDiff> {
  const provider = providerOf(news, `dynamic resource ${old.name}`);
  const result = provider.diff ? await provider.diff(old.id, propsOf(old.outputs), propsOf(news)) : { changes: true, replaces: [] };
  return { changes: result.changes ?? true, replaces: result.replaces ?? [], deleteBeforeReplace: result.deleteBeforeReplace ?? false };
}

async function create({ resource, inputs }: HandlerInput): Promise<AppliedState> {
  const provider = providerOf(inputs, `dynamic resource ${resource.name}`);
  const created = await provider.create(propsOf(inputs));
  return { id: created.id, state: { ...inputs, ...(created.outs ?? {}) } };
}

async function update({ resource, inputs }: HandlerInput, old: ResourceState): Promise<Record<string, unknown>> {
  const provider = providerOf(inputs, `dynamic resource ${resource.name}`);
  const updated = provider.update ? await provider.update(old.id, propsOf(old.outputs), propsOf(inputs)) : {};
  return { ...inputs, ...(updated.outs ?? {}) };
}

async function remove(old: ResourceState): Promise<void> {
  await providerOf(old.inputs, `dynamic resource ${old.name}`).delete?.(old.id, propsOf(old.outputs));
}

export const dynamicProvider: ResourceProvider = { create, update, delete: remove };
