/**
 * Hand-built model parts shaped like the shipped stacks (defaults applied as the model applies
 * them), for renderer unit tests that change one field per case. The shipped stacks themselves
 * are rendered through the real loader in shippedStacks.test.ts.
 */
import type { ClusterSpec, LoadBalancerPairSpec } from "../../model/types";

export const seedCluster: ClusterSpec = {
  networkMode: "bridge",
  version: "3.13",
  image: "rabbitmq:3.13-management",
  nodes: [
    { hostname: "rabbit-disc1", type: "disc", address: "172.28.8.150", host: "local", servesClients: false, limits: { memoryMiB: 1024, cpus: 1 } },
    { hostname: "rabbit-ram1", type: "ram", address: "172.28.8.40", host: "local", servesClients: true, limits: { memoryMiB: 1024, cpus: 1 } },
    { hostname: "rabbit-ram2", type: "ram", address: "172.28.8.45", host: "local", servesClients: true, limits: { memoryMiB: 1024, cpus: 1 } },
  ],
  partitionHandling: "pause_minority",
  memoryHighWatermark: 0.6,
  diskFreeLimitBytes: 1_000_000_000,
  maxMessageSizeBytes: 4_000_000,
  defaultQueueType: undefined,
  discoveryRetryLimit: 30,
  discoveryRetryIntervalMs: 1000,
  extraPlugins: [],
  retainNodeData: true,
  adminUser: "admin",
  allowCookieRotation: false,
};

export const seedPair: LoadBalancerPairSpec = {
  networkMode: "bridge",
  haproxyImage: "haproxy:2.8",
  prebuiltImage: undefined,
  virtualIp: "172.28.8.220",
  virtualRouterId: 51,
  advertIntervalMs: 1000,
  vrrpVersion: 3,
  preempt: false,
  amqpTimeoutMs: 3 * 3_600_000,
  checkIntervalMs: 2000,
  maxConnections: 4000, limits: { memoryMiB: 512, cpus: 1 },
  instances: [
    { name: "lb1", address: "172.28.8.21", state: "MASTER", priority: 150, host: "local", publish: undefined, interface: undefined },
    { name: "lb2", address: "172.28.8.22", state: "BACKUP", priority: 100, host: "local", publish: undefined, interface: undefined },
  ],
};

export const modernCluster: ClusterSpec = {
  ...seedCluster,
  version: "4.1",
  image: "rabbitmq:4.1-management",
  nodes: [1, 2, 3].map((i) => ({
    hostname: `rabbit-${i}`,
    type: "disc" as const,
    address: `172.28.9.1${i}`,
    host: "local",
    servesClients: true, limits: { memoryMiB: 1024, cpus: 1 },
  })),
  defaultQueueType: "quorum",
};

export const placeholderHaproxySecrets = { statsPassword: "[secret]" };
