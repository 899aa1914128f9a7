/**
 * ClusterGuard: a Pulumi dynamic resource that stands before the node containers and refuses,
 * at preview as at update, changes a running cluster cannot take by replacing nodes: a new
 * Erlang cookie (unless the stack opts in), a downgrade, a major upgrade whose preconditions do
 * not hold on the broker (verdict.ts). It refuses in `diff`, which the engine calls for every
 * resource in state, in a preview too. The nodes' cookie flows through this resource (see
 * `guarded`), so no node is touched when it refuses.
 *
 * The cookie is kept only as a SHA-256 hash (of a secret, and secret itself). Inputs carry
 * `kind: "rabbitmq-ha:ClusterGuard"` (engine/providers/dynamic.ts). The provider captures only
 * plain functions using Node globals: it is closure-serialized.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { type AdminLogin, getWithAnyOf } from "../../admin/http";
import { type BrokerFeatureFlag, type BrokerPolicy, cookieRefusal, downgradeRefusal, isMajorUpgrade, upgradeBlockers, upgradeRefusal } from "./verdict";

export const CLUSTER_GUARD_KIND = "rabbitmq-ha:ClusterGuard";

export interface ClusterGuardProps {
  readonly kind: typeof CLUSTER_GUARD_KIND;
  readonly cookieHash: string;
  readonly allowCookieRotation: boolean;
  /** The RabbitMQ series (cluster.version). */
  readonly version: string;
  readonly login: AdminLogin;
  /** Admin passwords the broker may have (desired, bootstrap): to read its policies and feature flags. */
  readonly passwords: readonly string[];
}

/** Why the change from `olds` to `news` is refused, or undefined; asks the broker only for a major upgrade. */
export async function refusalOf(olds: ClusterGuardProps, news: ClusterGuardProps): Promise<string | undefined> {
  if (olds.cookieHash !== news.cookieHash && !news.allowCookieRotation) return cookieRefusal();
  const downgrade = downgradeRefusal(olds.version, news.version);
  if (downgrade) return downgrade;
  if (!isMajorUpgrade(olds.version, news.version)) return undefined;
  const passwords = [...new Set([...news.passwords, ...olds.passwords])];
  const policies = (await getWithAnyOf(news.login, passwords, "/api/policies")) as BrokerPolicy[];
  const featureFlags = (await getWithAnyOf(news.login, passwords, "/api/feature-flags")) as BrokerFeatureFlag[];
  const blockers = upgradeBlockers(olds.version, news.version, { policies, featureFlags });
  return blockers.length === 0 ? undefined : upgradeRefusal(olds.version, news.version, blockers);
}

/** Exported for tests: the provider the engine runs (after serialization). */
export const clusterGuardProvider: pulumi.dynamic.ResourceProvider<ClusterGuardProps, ClusterGuardProps> = {
  async create(inputs) {
    return { id: "cluster-guard", outs: inputs };
  },
  async diff(_id, olds, news) {
    const refusal = await refusalOf(olds, news);
    if (refusal) throw new Error(refusal);
    // Field by field: key order in stored state is not ours to rely on.
    const canonical = (p: ClusterGuardProps): string => JSON.stringify([p.cookieHash, p.allowCookieRotation, p.version, p.login.endpoint, p.login.username, p.passwords]);
    // Never replaced: a replacement would take every node container along (they depend on it).
    return { changes: canonical(olds) !== canonical(news), replaces: [] };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
  async delete() {},
};

/** Pure: the hash the guard keeps instead of the cookie. */
export function cookieHashOf(cookie: string): string {
  return createHash("sha256").update(`rabbitmq-ha erlang cookie\n${cookie}`).digest("hex");
}

export interface ClusterGuardArgs {
  readonly erlangCookie: pulumi.Output<string>;
  readonly allowCookieRotation: boolean;
  readonly version: string;
  readonly login: Omit<AdminLogin, "ca"> & { readonly ca?: pulumi.Input<string> };
  readonly passwords: readonly pulumi.Input<string>[];
  readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
}

export class ClusterGuard extends pulumi.dynamic.Resource {
  constructor(name: string, args: ClusterGuardArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      kind: CLUSTER_GUARD_KIND,
      cookieHash: pulumi.secret(args.erlangCookie.apply(cookieHashOf)),
      allowCookieRotation: args.allowCookieRotation,
      version: args.version,
      login: args.login,
      passwords: pulumi.secret(pulumi.all([...args.passwords])),
    };
    super(clusterGuardProvider, name, props, { ...opts, additionalSecretOutputs: ["cookieHash", "passwords"] }, "rabbitmq-ha", "ClusterGuard");
  }

  /**
   * `value` once the guard has let this run through: what the node containers take (the cookie),
   * so they wait for the guard, and stay as they are when it refuses. The guard's id never
   * changes after its creation, so a guarded value is as known in a preview as the value itself.
   */
  guarded(value: pulumi.Output<string>): pulumi.Output<string> {
    return pulumi.secret(pulumi.all([this.id, value]).apply(([, v]) => v));
  }
}
