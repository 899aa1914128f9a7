/**
 * A small validated Model for the probe's tests: one node, one vhost, and whatever topology a
 * test passes. Only the parts the probe reads matter (cluster nodes, load balancer names,
 * topology); the rest is filled in plausibly so the object is a complete Model.
 */
import type { ExchangeSpec, Model, PolicySpec, QueueSpec, TopologySpec } from "../../../model/types";
import { TLS_OFF } from "../../../model/tls/spec";

const origin = { file: "config/verify-test.yaml", system: "VT" };

export function queueSpec(fields: Partial<QueueSpec> & Pick<QueueSpec, "name" | "vhost">): QueueSpec {
  return {
    origin, type: "classic", durable: true, autoDelete: false, deadLetter: undefined, messageTtlMs: undefined,
    maxLength: undefined, maxLengthBytes: undefined, overflow: undefined, singleActiveConsumer: false,
    deliveryLimit: undefined, initialGroupSize: undefined, retry: undefined, generatedFor: undefined,
    description: undefined, ...fields,
  };
}

export function exchangeSpec(fields: Partial<ExchangeSpec> & Pick<ExchangeSpec, "name" | "vhost">): ExchangeSpec {
  return { origin, type: "direct", durable: true, autoDelete: false, internal: false, alternateExchange: undefined, description: undefined, ...fields };
}

export function policySpec(fields: Partial<PolicySpec> & Pick<PolicySpec, "name" | "vhost" | "definition">): PolicySpec {
  return { origin, pattern: ".*", applyTo: "queues", priority: 0, operator: false, ...fields };
}

export function testModel(options: { nodes?: Model["cluster"]["nodes"]; topology?: Partial<TopologySpec> } = {}): Model {
  const nodes = options.nodes ?? [{ hostname: "rabbit1", type: "disc", address: "10.99.0.11", host: "local", servesClients: true, limits: { memoryMiB: 1024, cpus: 1 } }];
  return {
    project: "rabbitmq-ha",
    stack: "verify-test",
    hosts: [{ name: "local", url: "unix:///var/run/docker.sock" }],
    network: { mode: "bridge", name: "verify-test", subnet: "10.99.0.0/24", gateway: "10.99.0.1" },
    cluster: {
      networkMode: "bridge",
      version: "3.13", image: "rabbitmq:3.13-management", nodes, partitionHandling: undefined,
      memoryHighWatermark: 0.6, diskFreeLimitBytes: 2e9, maxMessageSizeBytes: 4 * 1024 * 1024,
      defaultQueueType: undefined, discoveryRetryLimit: 30, discoveryRetryIntervalMs: 1000, extraPlugins: [], retainNodeData: true, adminUser: "admin", allowCookieRotation: false,
    },
    loadBalancers: {
      networkMode: "bridge",
      haproxyImage: "haproxy:2.8", prebuiltImage: undefined, virtualIp: "10.99.0.100", virtualRouterId: 51, advertIntervalMs: 1000, vrrpVersion: 3,
      preempt: false, amqpTimeoutMs: 3 * 3_600_000, checkIntervalMs: 2000, maxConnections: 4000, limits: { memoryMiB: 512, cpus: 1 },
      instances: [
        { name: "lb1", address: "10.99.0.21", state: "MASTER", priority: 150, host: "local", publish: undefined, interface: undefined },
        { name: "lb2", address: "10.99.0.22", state: "BACKUP", priority: 100, host: "local", publish: undefined, interface: undefined },
      ],
    },
    topology: { files: [], vhosts: [], exchanges: [], queues: [], bindings: [], policies: [], users: [], ...options.topology },
    safety: { protectQueues: false, retainQueuesOnDelete: false },
    naming: { vhost: ".*", exchange: ".*", queue: ".*", user: ".*", requireSystemPrefix: false },
    tls: TLS_OFF,
    managementEndpoint: "http://10.99.0.100:15672",
    metrics: { scrapeIntervalMs: 15_000, labels: {} },
    warnings: [],
  };
}
