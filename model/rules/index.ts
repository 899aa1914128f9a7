/**
 * Every cross-check, in one list, all findings collected before anyone fails. The topology the
 * model derives (retry expansion) is checked again for references and dead-letter cycles, and
 * for where dead letters and unroutable messages go.
 */
import type { DockerHost, ClusterSpec, LoadBalancerPairSpec, NamingRules, NetworkSpec, TopologySpec } from "../types";
import type { Finding, RuleContext } from "./finding";
import { checkNaming } from "./naming";
import { checkUniqueness } from "./uniqueness";
import { checkReferences } from "./references";
import { checkDeadLetterCycles } from "./deadLetterCycles";
import { checkDeadLetterRouting } from "./deadLetterRouting";
import { checkAlternateExchangeRouting } from "./alternateExchangeRouting";
import { checkPolicyUnmatched } from "./policyUnmatched";
import { checkQueueFields } from "./queueFields";
import { checkHeadersBindings } from "./headersBinding";
import { checkPolicyKeys } from "./policyKeys";
import { checkPolicyShadowing } from "./policyShadowing";
import { checkClusterVersion } from "./versionCluster";
import { checkTopologyVersion } from "./versionTopology";
import { checkNetwork } from "./network";
import { checkLoadBalancers } from "./loadBalancers";
import { checkPlacement } from "./placement";
import { checkHostMemory } from "./hostMemory";
import { checkHostNetworking } from "./hostNetworking";
import { checkKeepQueueArguments } from "./keepQueueArguments";

export interface CheckedStack {
  readonly hosts: readonly DockerHost[];
  readonly network: NetworkSpec;
  readonly cluster: ClusterSpec;
  readonly loadBalancers: LoadBalancerPairSpec;
  readonly naming: NamingRules;
  readonly tracing: readonly string[];
}

/** What the stack checks need; a rule runs when every part it reads is well-formed. */
export type CheckedStackParts = { readonly [K in "hosts" | "network" | "cluster" | "loadBalancers"]: CheckedStack[K] | undefined };

/** What the topology checks read from the stack; naming undefined when the naming key is broken. */
export type TopologyStack = Pick<CheckedStack, "cluster" | "tracing"> & {
  readonly naming: NamingRules | undefined;
  /** `rabbitmq-ha:topology.keepQueueArguments`; none when absent. */
  readonly keepQueueArguments?: readonly string[];
  /** `rabbitmq-ha:topology.keepExchangeArguments`; none when absent. */
  readonly keepExchangeArguments?: readonly string[];
};

export function checkStack(stack: CheckedStackParts, context: RuleContext): Finding[] {
  const { hosts, network, cluster, loadBalancers } = stack;
  return [
    ...(hosts && cluster && loadBalancers ? checkPlacement(hosts, cluster, loadBalancers, context) : []),
    ...(hosts && cluster && loadBalancers ? checkHostMemory(hosts, cluster, loadBalancers, context) : []),
    ...(network && cluster && loadBalancers ? checkNetwork(network, cluster, loadBalancers, context) : []),
    ...(hosts && network && cluster && loadBalancers ? checkHostNetworking(hosts, network, cluster, loadBalancers, context) : []),
    ...(loadBalancers ? checkLoadBalancers(loadBalancers, context) : []),
    ...(cluster ? checkClusterVersion(cluster, context) : []),
  ];
}

export function checkDeclaredTopology(topology: TopologySpec, stack: TopologyStack, context: RuleContext): Finding[] {
  return [
    ...(stack.naming ? checkNaming(topology, stack.naming, context) : []),
    ...checkUniqueness(topology, context),
    ...checkReferences(topology, stack.tracing, context),
    ...checkQueueFields(topology, context),
    ...checkHeadersBindings(topology, context),
    ...checkPolicyKeys(topology, context),
    ...checkPolicyShadowing(topology, context),
    ...checkTopologyVersion(topology, stack.cluster, context),
    ...checkDeadLetterCycles(topology, context),
    ...checkKeepQueueArguments(topology, stack.keepQueueArguments ?? [], context, stack.keepExchangeArguments ?? []),
  ];
}

/**
 * Derived objects must not clash with declared ones, and must route where they claim. Routing
 * (dead letters, alternate exchanges) and the policies' reach are judged here, on the topology
 * with the retry expansion's exchanges, queues and bindings in it.
 */
export function checkDerivedTopology(topology: TopologySpec, stack: TopologyStack, context: RuleContext): Finding[] {
  const { version } = stack.cluster;
  return [
    ...checkUniqueness(topology, context),
    ...checkReferences(topology, stack.tracing, context),
    ...checkDeadLetterCycles(topology, context),
    ...checkDeadLetterRouting(topology, version, context),
    ...checkAlternateExchangeRouting(topology, version, context),
    ...checkPolicyUnmatched(topology, version, context),
  ];
}
