/**
 * VhostSettings: a Pulumi dynamic resource that applies one vhost's operations settings with
 * api.ts. Its inputs carry `kind: "rabbitmq-ha:VhostSettings"` so a harness that applies
 * declared resources itself can recognise it and call the same exported functions.
 *
 * Dynamic providers are serialized (closure serialization) when the resource is constructed,
 * also under mocks: the provider below therefore captures only api.ts's functions, which use
 * nothing but Node globals.
 */
import * as pulumi from "@pulumi/pulumi";
import { applyVhostSettings, deleteVhostSettings, type ManagementConnection, type VhostSettingsValues } from "./api";

export const VHOST_SETTINGS_KIND = "rabbitmq-ha:VhostSettings";

export interface VhostSettingsProps {
  readonly kind: typeof VHOST_SETTINGS_KIND;
  readonly connection: ManagementConnection;
  readonly settings: VhostSettingsValues;
}

/** Exported for tests: the provider the engine runs (after serialization). */
export const vhostSettingsProvider: pulumi.dynamic.ResourceProvider<VhostSettingsProps, VhostSettingsProps> = {
  async create(inputs) {
    await applyVhostSettings(inputs.connection, inputs.settings);
    return { id: inputs.settings.vhost, outs: inputs };
  },
  async diff(_id, olds, news) {
    // Key order in stored state is not ours to rely on: compare canonical JSON.
    const canonical = (v: unknown): string =>
      JSON.stringify(v, (_k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x));
    const replaces = olds.settings.vhost === news.settings.vhost ? [] : ["settings"];
    // A new password alone is an update too, so that delete later authenticates with it.
    const changes = canonical([olds.settings, olds.connection]) !== canonical([news.settings, news.connection]);
    return { changes, replaces, deleteBeforeReplace: true };
  },
  async update(_id, _olds, news) {
    await applyVhostSettings(news.connection, news.settings);
    return { outs: news };
  },
  async delete(_id, olds) {
    await deleteVhostSettings(olds.connection, olds.settings.vhost);
  },
};

type Inputs<T> = { readonly [K in keyof T]: pulumi.Input<T[K]> };

export interface VhostSettingsArgs {
  readonly connection: pulumi.Input<Inputs<ManagementConnection>>;
  readonly settings: Inputs<VhostSettingsValues>;
}

export class VhostSettings extends pulumi.dynamic.Resource {
  constructor(name: string, args: VhostSettingsArgs, opts: pulumi.CustomResourceOptions) {
    const props = { kind: VHOST_SETTINGS_KIND, connection: args.connection, settings: args.settings };
    super(vhostSettingsProvider, name, props, { ...opts, additionalSecretOutputs: ["connection"] }, "rabbitmq-ha", "VhostSettings");
  }
}
