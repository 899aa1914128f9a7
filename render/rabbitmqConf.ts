import type { ClusterNodeSpec, ClusterSpec } from "../model/types";
import { type DiscoveryRetries, discoveryRetries, isSeed } from "./clusterSeed";
import { type ConfGroup, type ConfSetting, confValue } from "./confSettings";
import { erlangNodeName } from "./format";
import { watermarkBytes } from "../model/limits";
import { renderTemplate } from "./template";
import { TLS_OFF, type TlsSpec } from "../model/tls/spec";
import { plainOpen, tlsConfGroups } from "./tlsConf";

/** Ports every other part of the deployment relies on (HAProxy, health checks, the topology provider). */
export const AMQP_PORT = 5672;
export const MANAGEMENT_PORT = 15672;
export const PROMETHEUS_PORT = 15692;
/** RabbitMQ's default (AMQP port + 20000), written out with host networking. */
export const ERLANG_DISTRIBUTION_PORT = 25672;

function retrySettings(retries: DiscoveryRetries): ConfSetting[] {
  return [
    { key: "cluster_formation.discovery_retry_limit", value: String(retries.limit) },
    { key: "cluster_formation.discovery_retry_interval", value: String(retries.intervalMs) },
  ];
}

/** Peer discovery; the peer list itself is its own file (render/clusterPeers.ts says why). */
function discoveryGroup(cluster: ClusterSpec, node: ClusterNodeSpec): ConfGroup {
  const seed = isSeed(cluster.nodes, node);
  return {
    why: seed
      ? "Hostnames are fixed, so peers are known in advance (listed in 70-rabbitmq-ha-peers.conf). This node seeds the cluster and starts before the others exist, so it gives up on them after one retry and boots alone (see render/clusterSeed.ts); the others join it."
      : "Hostnames are fixed, so peers are known in advance (listed in 70-rabbitmq-ha-peers.conf). This node starts once the seed is healthy and joins it.",
    settings: [
      { key: "cluster_formation.peer_discovery_backend", value: "classic_config" },
      ...(seed ? retrySettings(discoveryRetries(cluster, node)) : []),
    ],
  };
}

/**
 * On a bridge network the node owns its address: it listens on all of them. With host networking
 * (several Docker hosts) it shares its machine with a load balancer that takes 5672 and 15672 on
 * the VIP, so the node takes them on its own LAN address only (model/net/hostPorts.ts).
 */
function amqpListener(cluster: ClusterSpec, node: ClusterNodeSpec): ConfSetting[] {
  if (cluster.networkMode === "host") return [{ key: "listeners.tcp.1", value: `${node.address}:${AMQP_PORT}` }];
  return [{ key: "listeners.tcp.default", value: String(AMQP_PORT) }];
}

function hostNetworkingGroups(cluster: ClusterSpec, node: ClusterNodeSpec): ConfGroup[] {
  if (cluster.networkMode !== "host") return [];
  return [
    {
      why: "Host networking: the management listener on this machine's LAN address only (its load balancer takes 15672 on the VIP).",
      settings: [{ key: "management.tcp.ip", value: node.address }],
    },
    {
      why: "Host networking: one fixed Erlang distribution port, so the machines' firewalls open 4369 and 25672 and nothing else between the nodes.",
      settings: [
        { key: "distribution.listener.port_range.min", value: String(ERLANG_DISTRIBUTION_PORT) },
        { key: "distribution.listener.port_range.max", value: String(ERLANG_DISTRIBUTION_PORT) },
      ],
    },
  ];
}

/** Settings rabbitmq-ha always writes, whatever the stack says; each group says why. */
function toolDefaults(cluster: ClusterSpec, node: ClusterNodeSpec, stack: string, tls: TlsSpec): ConfGroup[] {
  return [
    discoveryGroup(cluster, node),
    {
      why: "Shown in the management UI and in metrics, so the stack a node belongs to is never guessed.",
      settings: [{ key: "cluster_name", value: confValue("cluster_name", `rabbitmq-ha-${stack}`) }],
    },
    {
      why: plainOpen(tls)
        ? "HAProxy, the health checks and the topology provider expect these ports."
        : "TLS only (rabbitmq-ha:tls plainListeners: false): no plain AMQP listener, no plain management listener.",
      settings: [
        ...(plainOpen(tls)
          ? [...amqpListener(cluster, node), { key: "management.tcp.port", value: String(MANAGEMENT_PORT) }]
          : [{ key: "listeners.tcp", value: "none" }]),
        { key: "prometheus.tcp.port", value: String(PROMETHEUS_PORT) },
      ],
    },
    ...tlsConfGroups(tls, cluster.networkMode === "host" ? node.address : undefined),
    ...hostNetworkingGroups(cluster, node),
    {
      why: "A dead client behind a moved VIP is noticed within about a minute (the default, 60 s, leaves ghost connections for 2-3 minutes).",
      settings: [{ key: "heartbeat", value: "20" }],
    },
    {
      why: "Containers log to stdout only: `docker logs` keeps them, no file grows inside the container.",
      settings: [
        { key: "log.console", value: "true" },
        { key: "log.console.level", value: "info" },
        { key: "log.file", value: "false" },
      ],
    },
  ];
}

/** Settings that come from the stack's `rabbitmq-ha:cluster` (defaults already applied by the model). */
function stackSettings(cluster: ClusterSpec, node: ClusterNodeSpec): ConfGroup["settings"] {
  return [
    { key: "cluster_formation.node_type", value: node.type },
    // The seed's retries are the tool's, written with its peer list above.
    ...(isSeed(cluster.nodes, node) ? [] : retrySettings(discoveryRetries(cluster, node))),
    ...(cluster.partitionHandling === undefined ? [] : [{ key: "cluster_partition_handling", value: cluster.partitionHandling }]),
    // memoryHighWatermark of the container's limit, not of the host's RAM (model/limits.ts says why).
    { key: "vm_memory_high_watermark.absolute", value: String(watermarkBytes(cluster.memoryHighWatermark, node.limits)) },
    { key: "disk_free_limit.absolute", value: String(cluster.diskFreeLimitBytes) },
    { key: "max_message_size", value: String(cluster.maxMessageSizeBytes) },
    ...(cluster.defaultQueueType === undefined ? [] : [{ key: "default_queue_type", value: cluster.defaultQueueType }]),
  ];
}

/** rabbitmq.conf for one node; holds no secret (credentials go to a separate file). */
export function renderRabbitmqConf(cluster: ClusterSpec, node: ClusterNodeSpec, stack: string, tls: TlsSpec = TLS_OFF): string {
  return renderTemplate("rabbitmq.conf", {
    nodeName: erlangNodeName(node.hostname),
    stack,
    version: cluster.version,
    defaults: toolDefaults(cluster, node, stack, tls),
    settings: stackSettings(cluster, node),
  });
}
