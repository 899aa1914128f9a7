/**
 * Topology files (schema-valid) -> the model's topology, recording where each object was
 * written. Defaults that depend on other objects are resolved here: a queue without a type
 * gets its vhost's default, else the cluster's, else classic (what the broker would do).
 */
import type { BindingSpec, ClusterSpec, ExchangeSpec, Origin, PolicySpec, QueueSpec, QueueType, TopologySpec, UserSpec, VhostSpec } from "../types";
import type { Locations } from "../locations";
import type { TopologyFile } from "../schema/topologyFile";
import { durationMs, sizeBytes } from "../units";
import { normalizeDefinition } from "./policyDefinition";

export interface ParsedTopologyFile {
  readonly file: string;
  readonly data: TopologyFile;
}

export function buildTopology(
  files: readonly ParsedTopologyFile[],
  cluster: Pick<ClusterSpec, "defaultQueueType">,
  tracing: readonly string[],
  locations: Locations,
): TopologySpec {
  const vhostDefaults = new Map<string, QueueType | undefined>();
  for (const { data } of files) for (const vhost of data.vhosts) vhostDefaults.set(vhost.name, vhost.defaultQueueType);
  const defaultTypeIn = (vhost: string): QueueType => vhostDefaults.get(vhost) ?? cluster.defaultQueueType ?? "classic";

  const topology: { -readonly [K in keyof TopologySpec]: TopologySpec[K][number][] } & { files: string[] } = {
    files: [], vhosts: [], exchanges: [], queues: [], bindings: [], policies: [], users: [],
  };
  for (const { file, data } of files) {
    const origin: Origin = { file, system: data.system };
    const keep = <T extends object>(list: T[], object: T, kind: string, index: number, queue = false): void => {
      list.push(object);
      const named = object as { vhost?: string; name?: string };
      const queueKey = queue && named.vhost !== undefined && named.name !== undefined ? { vhost: named.vhost, name: named.name } : undefined;
      locations.record(object, { file, path: [kind, index] }, queueKey);
    };
    topology.files.push(file);
    data.vhosts.forEach((input, index) => {
      const vhost: VhostSpec = {
        name: input.name,
        origin,
        description: input.description,
        defaultQueueType: input.defaultQueueType,
        tracing: tracing.includes(input.name),
        maxConnections: input.limits?.maxConnections,
        maxQueues: input.limits?.maxQueues,
      };
      keep(topology.vhosts, vhost, "vhosts", index);
    });
    data.exchanges.forEach((input, index) => {
      const exchange: ExchangeSpec = { ...input, origin, alternateExchange: input.alternateExchange, description: input.description };
      keep(topology.exchanges, exchange, "exchanges", index);
    });
    data.queues.forEach((input, index) => {
      const queue: QueueSpec = {
        name: input.name,
        vhost: input.vhost,
        origin,
        type: input.type ?? defaultTypeIn(input.vhost),
        durable: input.durable,
        autoDelete: input.autoDelete,
        deadLetter: input.deadLetter && { exchange: input.deadLetter.exchange, routingKey: input.deadLetter.routingKey },
        messageTtlMs: input.messageTtl === undefined ? undefined : durationMs(input.messageTtl),
        maxLength: input.maxLength,
        maxLengthBytes: input.maxLengthBytes === undefined ? undefined : sizeBytes(input.maxLengthBytes),
        overflow: input.overflow,
        singleActiveConsumer: input.singleActiveConsumer,
        deliveryLimit: input.deliveryLimit,
        initialGroupSize: input.initialGroupSize,
        retry: input.retry && { intervalMs: durationMs(input.retry.every), maxAttempts: input.retry.maxAttempts },
        generatedFor: undefined,
        description: input.description,
      };
      keep(topology.queues, queue, "queues", index, true);
    });
    data.bindings.forEach((input, index) => {
      const binding: BindingSpec = { ...input, origin };
      keep(topology.bindings, binding, "bindings", index);
    });
    data.policies.forEach((input, index) => {
      const policy: PolicySpec = { ...input, origin, definition: normalizeDefinition(input.definition) };
      keep(topology.policies, policy, "policies", index);
    });
    data.users.forEach((input, index) => {
      const user: UserSpec = {
        name: input.name,
        origin,
        description: input.description,
        tags: input.tags,
        grants: input.permissions.map((grant) => ({ vhost: grant.vhost, publishes: grant.publishes, consumes: grant.consumes })),
      };
      keep(topology.users, user, "users", index);
    });
  }
  return topology;
}

