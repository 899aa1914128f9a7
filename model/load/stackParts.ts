/**
 * The stack as far as it is well-formed. The stack's cross-checks use only keys that are valid as
 * written; the topology checks also take a key whose broken fields were left out (their defaults
 * apply), so that one mistake in the stack file (a plain-text secret, a bad CIDR, adminUser:
 * guest) does not hide every problem of the topology files: all are reported together.
 */
import type { ClusterSpec, DockerHost, LoadBalancerPairSpec, NamingRules, NetworkSpec } from "../types";
import { buildCluster, buildHosts, buildLoadBalancers, buildNaming, buildNetwork } from "../build/stack";
import { stackKeySchemas, type StackInput, type StackKey } from "../schema/stackConfig";

export interface StackParts {
  /** Valid as written (undefined when broken), for the stack's cross-checks. */
  readonly hosts: readonly DockerHost[] | undefined;
  readonly network: NetworkSpec | undefined;
  readonly cluster: ClusterSpec | undefined;
  readonly loadBalancers: LoadBalancerPairSpec | undefined;
  /** Undefined when the naming key is broken: names are then not checked against it. */
  readonly naming: NamingRules | undefined;
  /** For the topology: the cluster (queue type defaults, version, nodes), salvaged if need be. */
  readonly topologyCluster: ClusterSpec | undefined;
  /** Which files, which vhosts traced: salvaged if need be. */
  readonly topologyConfig: StackInput["topology"];
  /** Undefined when absent (defaults apply) or broken (its schema error stops the load). */
  readonly metrics: StackInput["metrics"];
}

export function stackParts(config: Readonly<Record<string, unknown>>, values: StackInput): StackParts {
  const broken = (key: StackKey): boolean => config[key] !== undefined && values[key] === undefined;
  const hosts = broken("hosts") ? undefined : buildHosts(values.hosts);
  // With broken hosts, nodes default to the default host: only placement reads it, and is skipped.
  const someHosts = hosts ?? buildHosts(undefined);
  const cluster = values.cluster && buildCluster(values.cluster, someHosts);
  const salvagedCluster = broken("cluster") ? salvage("cluster", config["cluster"]) : undefined;
  const topologyCluster = cluster ?? (salvagedCluster && buildCluster(salvagedCluster, someHosts));
  return {
    hosts,
    network: values.network && buildNetwork(values.network, someHosts),
    cluster,
    // The version only picks the default HAProxy image, which no check reads.
    loadBalancers: values.loadBalancers && topologyCluster && buildLoadBalancers(values.loadBalancers, topologyCluster.version, someHosts),
    naming: broken("naming") ? undefined : buildNaming(values.naming),
    topologyCluster,
    topologyConfig: values.topology ?? (broken("topology") ? salvage("topology", config["topology"]) : undefined),
    metrics: values.metrics,
  };
}

/**
 * A stack key's value parsed again without the top-level fields its schema problems are in (and
 * without unknown keys), so their defaults apply. Undefined when that is not enough (a required
 * field is broken, or the value is not a mapping).
 */
export function salvage<K extends StackKey>(key: K, value: unknown): StackInput[K] | undefined {
  const schema = stackKeySchemas[key];
  const first = schema.safeParse(value);
  if (first.success) return first.data as StackInput[K];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const dropped = new Set<PropertyKey>();
  for (const issue of first.error.issues) {
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) issue.keys.forEach((name) => dropped.add(name));
    else if (issue.path.length === 0) return undefined;
    else dropped.add(issue.path[0] as PropertyKey);
  }
  const second = schema.safeParse(Object.fromEntries(Object.entries(value).filter(([field]) => !dropped.has(field))));
  return second.success ? (second.data as StackInput[K]) : undefined;
}
