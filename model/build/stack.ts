/**
 * Stack keys (schema-valid, zod defaults applied) -> the model's infrastructure part, with the
 * defaults that depend on other fields (image per series, gateway per subnet, client routing).
 */
import type { z } from "zod";
import type { ClusterSpec, DockerHost, LoadBalancerPairSpec, NamingRules, NetworkMode, NetworkSpec, RabbitSeries, SafetySpec } from "../types";
import { durationMs, sizeBytes } from "../units";
import { limitsOf } from "../limits";
import { firstHost, formatIpv4, parseCidr } from "../net/ipv4";
import type { clusterSchema } from "../schema/cluster";
import { DEFAULT_DOCKER_URL, DEFAULT_HOST_NAME, type hostsSchema } from "../schema/hosts";
import type { loadBalancersSchema } from "../schema/loadBalancers";
import { DEFAULT_NAMING, type namingSchema } from "../schema/naming";
import type { networkSchema } from "../schema/network";
import type { topologyConfigSchema } from "../schema/topologyConfig";
import type { tlsSchema } from "../schema/tls";
import { MANAGEMENT_TLS_PORT, TLS_OFF, type TlsSpec } from "../tls/spec";

export const isSeries4 = (version: RabbitSeries): boolean => version.startsWith("4.");

export function buildHosts(input: z.output<typeof hostsSchema> | undefined): DockerHost[] {
  if (!input) return [{ name: DEFAULT_HOST_NAME, url: DEFAULT_DOCKER_URL }];
  return input.map(({ memory, ...host }) => (memory === undefined ? host : { ...host, memoryBytes: sizeBytes(memory) }));
}

/** One Docker host: a bridge network. Several: the machines' own networks (see NetworkMode). */
export function networkModeOf(hosts: readonly DockerHost[]): NetworkMode {
  return hosts.length > 1 ? "host" : "bridge";
}

export function buildNetwork(input: z.output<typeof networkSchema>, hosts: readonly DockerHost[] = buildHosts(undefined)): NetworkSpec {
  const subnet = parseCidr(input.subnet);
  const gateway = input.gateway ?? (subnet ? formatIpv4(firstHost(subnet)) : "");
  return { mode: networkModeOf(hosts), name: input.name, subnet: input.subnet, gateway };
}

export function buildCluster(input: z.output<typeof clusterSchema>, hosts: readonly DockerHost[]): ClusterSpec {
  const hasRam = input.nodes.some((node) => node.type === "ram");
  const defaultHost = hosts[0]?.name ?? DEFAULT_HOST_NAME;
  return {
    networkMode: networkModeOf(hosts),
    version: input.version,
    image: input.image ?? `rabbitmq:${input.version}-management`,
    nodes: input.nodes.map((node) => ({
      hostname: node.hostname,
      type: node.type,
      address: node.address,
      host: node.host ?? defaultHost,
      // The seed sends clients to the RAM nodes and keeps the disc node for persistence.
      servesClients: node.servesClients ?? (node.type === "ram" || !hasRam),
      limits: limitsOf({ ...input.resources, ...definedOnly(node.resources) }),
    })),
    // pause_minority needs three nodes to have a majority; 4.3 ignores the setting.
    partitionHandling: input.partitionHandling ?? (input.nodes.length >= 3 && input.version !== "4.3" ? "pause_minority" : undefined),
    memoryHighWatermark: input.memoryHighWatermark,
    diskFreeLimitBytes: sizeBytes(input.diskFreeLimit),
    maxMessageSizeBytes: sizeBytes(input.maxMessageSize),
    defaultQueueType: input.defaultQueueType ?? (isSeries4(input.version) ? "quorum" : undefined),
    discoveryRetryLimit: input.discoveryRetryLimit,
    discoveryRetryIntervalMs: durationMs(input.discoveryRetryInterval),
    extraPlugins: input.extraPlugins,
    retainNodeData: input.retainNodeData,
    adminUser: input.adminUser,
    allowCookieRotation: input.allowCookieRotation,
  };
}

export function buildLoadBalancers(
  input: z.output<typeof loadBalancersSchema>,
  version: RabbitSeries,
  hosts: readonly DockerHost[],
): LoadBalancerPairSpec {
  const defaultHost = hosts[0]?.name ?? DEFAULT_HOST_NAME;
  const networkMode = networkModeOf(hosts);
  const interfaceOf = (host: string) => (networkMode === "host" ? hosts.find((h) => h.name === host)?.interface : undefined);
  return {
    networkMode,
    haproxyImage: input.haproxyImage ?? (isSeries4(version) ? "haproxy:3.0" : "haproxy:2.8"),
    prebuiltImage: input.image,
    virtualIp: input.virtualIp,
    virtualRouterId: input.virtualRouterId,
    advertIntervalMs: durationMs(input.advertInterval),
    vrrpVersion: input.vrrpVersion,
    preempt: input.preempt,
    amqpTimeoutMs: durationMs(input.amqpTimeout),
    checkIntervalMs: durationMs(input.checkInterval),
    maxConnections: input.maxConnections,
    limits: limitsOf(input.resources),
    instances: input.instances.map((instance) => ({
      name: instance.name,
      address: instance.address,
      state: instance.state,
      priority: instance.priority,
      host: instance.host ?? defaultHost,
      interface: interfaceOf(instance.host ?? defaultHost),
      publish: instance.publish && {
        bindAddress: instance.publish.bindAddress,
        amqp: instance.publish.amqp,
        management: instance.publish.management,
        stats: instance.publish.stats,
      },
    })),
  };
}

/** A node's own limits without the fields it leaves to the cluster's. */
function definedOnly(own: { memory?: string | undefined; cpus?: number | undefined } | undefined): { memory?: string; cpus?: number } {
  return Object.fromEntries(Object.entries(own ?? {}).filter(([, value]) => value !== undefined));
}

export function buildNaming(input: z.output<typeof namingSchema> | undefined): NamingRules {
  return input ?? { ...DEFAULT_NAMING };
}

export function buildSafety(input: z.output<typeof topologyConfigSchema>): SafetySpec {
  return { protectQueues: input.protectQueues, retainQueuesOnDelete: input.retainQueuesOnDelete };
}

export function managementEndpoint(input: z.output<typeof topologyConfigSchema>, virtualIp: string, tls: TlsSpec = TLS_OFF): string {
  return input.managementEndpoint ?? (tls.enabled ? `https://${virtualIp}:${MANAGEMENT_TLS_PORT}` : `http://${virtualIp}:15672`);
}

export function buildTls(input: z.output<typeof tlsSchema> | undefined): TlsSpec {
  if (!input) return TLS_OFF;
  return { enabled: input.enabled, plainListeners: input.plainListeners, source: input.certificates, validityDays: input.validityDays };
}
