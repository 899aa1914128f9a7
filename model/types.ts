/**
 * The validated model: what every later stage (renderers, Pulumi components, CLIs) reads.
 *
 * Pure data, no Pulumi. Produced only by `loadModel` (model/load.ts) after schema validation
 * and every cross-check passed, so consumers never re-validate. Durations are milliseconds,
 * sizes are bytes, names are final (conventions already checked).
 *
 * "Replaces" in a field comment means: changing it recreates the object on `pulumi up`
 * (for containers: a broker restart; for queues: the queue and its messages are deleted).
 */

import type { TlsSpec } from "./tls/spec";
import type { ContainerLimits } from "./limits";

/** RabbitMQ major.minor series the image runs; decides which features are legal. */
export const RABBITMQ_SERIES = ["3.10", "3.11", "3.12", "3.13", "4.0", "4.1", "4.2", "4.3"] as const;
export type RabbitSeries = (typeof RABBITMQ_SERIES)[number];

export const NODE_TYPES = ["disc", "ram"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const PARTITION_HANDLING = ["pause_minority", "autoheal", "ignore"] as const;
export type PartitionHandling = (typeof PARTITION_HANDLING)[number];

/** A Docker engine that containers are placed on. Several hosts are allowed by the model. */
export interface DockerHost {
  /** Key other objects refer to. Required. */
  readonly name: string;
  /** Docker endpoint: unix://, tcp://, ssh://. Default unix:///var/run/docker.sock. */
  readonly url: string;
  /** The machine's memory in bytes, when the stack says: validation warns when the containers placed here ask for more. */
  readonly memoryBytes?: number;
  /** The machine's LAN address (required with more than one host: containers use the host's network). */
  readonly address?: string | undefined;
  /** The machine's LAN interface, where Keepalived holds the VIP (host networking). */
  readonly interface?: string | undefined;
  /** ca.pem/cert.pem/key.pem directory of a tcp:// endpoint with TLS. */
  readonly certPath?: string | undefined;
}

/**
 * How containers are networked. `bridge`: one Docker host, a bridge network with fixed addresses
 * (Docker's DNS resolves the nodes). `host`: several hosts; every container uses its machine's
 * network (its address is the machine's LAN address, names resolve through /etc/hosts entries),
 * because a bridge network exists on one engine only and cannot join containers across machines.
 */
export const NETWORK_MODES = ["bridge", "host"] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

/** The bridge network the cluster lives on (one per Docker host that carries containers). */
export interface NetworkSpec {
  /** bridge with one Docker host, host with several (derived from rabbitmq-ha:hosts). */
  readonly mode: NetworkMode;
  /** Docker network name. Required. Replaces the network (and every container on it). */
  readonly name: string;
  /** IPv4 CIDR, e.g. 172.30.0.0/24 (host mode: the machines' LAN). Required. Replaces. */
  readonly subnet: string;
  /** Gateway address inside the subnet. Default: first host address. Replaces. */
  readonly gateway: string;
}

export interface ClusterNodeSpec {
  /** Hostname; the Erlang node is rabbit@<hostname>. Required. Replaces (data dir is named after it). */
  readonly hostname: string;
  /** disc or ram. ram only where the version allows it. Default disc. Replaces. */
  readonly type: NodeType;
  /** Fixed IPv4 inside the network subnet. Required. Replaces. */
  readonly address: string;
  /** DockerHost name. Default: the first host. Replaces. */
  readonly host: string;
  /** Whether HAProxy sends client traffic to this node (the seed sends clients to RAM nodes). */
  readonly servesClients: boolean;
  /** Docker memory and CPU limits. Default: cluster.resources (1 GiB, 1 CPU). Memory in place; cpus replaces. */
  readonly limits: ContainerLimits;
}

export interface ClusterSpec {
  /** How the nodes are networked (see NetworkMode). */
  readonly networkMode: NetworkMode;
  /** RabbitMQ series the image runs. Required. */
  readonly version: RabbitSeries;
  /** Image reference. Default: the official management tag for the series. Replaces all nodes. */
  readonly image: string;
  /** Nodes; the first disc node is started first and seeds the cluster. */
  readonly nodes: readonly ClusterNodeSpec[];
  /** Set where the version honours it (and never on two nodes). */
  readonly partitionHandling: PartitionHandling | undefined;
  /** Watermark as a fraction (0-1) of each node's memory limit, rendered as vm_memory_high_watermark.absolute. Default 0.6. */
  readonly memoryHighWatermark: number;
  /** disk_free_limit.absolute in bytes. Default 2 GB. */
  readonly diskFreeLimitBytes: number;
  /** max_message_size in bytes. Default 4 MiB (seed: keep single messages at or under 4 MB). Max 512 MiB. */
  readonly maxMessageSizeBytes: number;
  /** default_queue_type where the version supports it. Default quorum on 4.x, undefined on 3.x. */
  readonly defaultQueueType: QueueType | undefined;
  /** cluster_formation.discovery_retry_limit. Default 30. */
  readonly discoveryRetryLimit: number;
  /** cluster_formation.discovery_retry_interval in ms. Default 1000. */
  readonly discoveryRetryIntervalMs: number;
  /** Extra rabbitmq plugins besides management and prometheus. */
  readonly extraPlugins: readonly string[];
  /** Keep a node's data volume when the node is removed or the stack destroyed (retainOnDelete). Default true. */
  readonly retainNodeData: boolean;
  /** Name of the admin user created at first boot (guest is never created). Default "admin". */
  readonly adminUser: string;
  /**
   * Lets a changed Erlang cookie through on a deployed cluster (infra/cluster/guard/): a cookie
   * rotation needs every node down at once. Default false: refused.
   */
  readonly allowCookieRotation: boolean;
}

export const VRRP_STATES = ["MASTER", "BACKUP"] as const;
export type VrrpState = (typeof VRRP_STATES)[number];

/** Host ports to publish one load balancer's listeners on (Docker Desktop, remote hosts). */
export interface PublishedPorts {
  readonly bindAddress: string;
  readonly amqp: number | undefined;
  readonly management: number | undefined;
  readonly stats: number | undefined;
}

export interface LoadBalancerSpec {
  /** Container name suffix and hostname, e.g. lb1. Required. Replaces. */
  readonly name: string;
  /** Fixed IPv4 on the cluster network. Required. Replaces. */
  readonly address: string;
  /** Initial VRRP state. Exactly one MASTER. */
  readonly state: VrrpState;
  /** VRRP priority 1-254; MASTER strictly higher than BACKUP. */
  readonly priority: number;
  readonly host: string;
  readonly publish: PublishedPorts | undefined;
  /** Host networking: the host's LAN interface the VIP goes on. Undefined on a bridge network. */
  readonly interface: string | undefined;
}

export interface LoadBalancerPairSpec {
  /** How the load balancers are networked (see NetworkMode). */
  readonly networkMode: NetworkMode;
  /** HAProxy base image (official tag by default); Keepalived is layered on it. Replaces. */
  readonly haproxyImage: string;
  /** A prebuilt load-balancer image used as it is (nothing built); undefined: built on haproxyImage. Replaces. */
  readonly prebuiltImage: string | undefined;
  /** The virtual IP clients connect to; inside the subnet, nobody else's address. */
  readonly virtualIp: string;
  /** VRRP virtual_router_id 1-255. */
  readonly virtualRouterId: number;
  /** VRRP advert_int in ms (keepalived takes seconds, fractions allowed with VRRPv3). Default 1000. */
  readonly advertIntervalMs: number;
  /** VRRP version 2 or 3. Default 3 (sub-second adverts). */
  readonly vrrpVersion: 2 | 3;
  /** A returning MASTER takes the VIP back (resets clients twice). Default false. */
  readonly preempt: boolean;
  /** HAProxy client/server timeout for AMQP sessions in ms. Default 3h. */
  readonly amqpTimeoutMs: number;
  /** HAProxy health check interval in ms. Default 2000. */
  readonly checkIntervalMs: number;
  /** HAProxy's limit of concurrent AMQP connections per load balancer. Default 4000. */
  readonly maxConnections: number;
  /** Docker memory and CPU limits of each load-balancer container. Default 512 MiB, 1 CPU. */
  readonly limits: ContainerLimits;
  readonly instances: readonly LoadBalancerSpec[];
}

// ---- topology -------------------------------------------------------------------------------

export const EXCHANGE_TYPES = ["direct", "topic", "fanout", "headers"] as const;
export type ExchangeType = (typeof EXCHANGE_TYPES)[number];

export const QUEUE_TYPES = ["classic", "quorum"] as const;
export type QueueType = (typeof QUEUE_TYPES)[number];

export const OVERFLOW = ["drop-head", "reject-publish", "reject-publish-dlx"] as const;
export type Overflow = (typeof OVERFLOW)[number];

/** Where an object was declared, for messages and for `names` output grouping. */
export interface Origin {
  /** Topology file path relative to the project, e.g. config/sale.yaml. */
  readonly file: string;
  /** The file's `system`, e.g. SALE. */
  readonly system: string;
}

export interface VhostSpec {
  readonly name: string;
  readonly origin: Origin;
  readonly description: string | undefined;
  /** Vhost default queue type (3.11+/4.x metadata). Undefined: broker default. */
  readonly defaultQueueType: QueueType | undefined;
  /** Firehose tracing; off by default, switchable per stack. */
  readonly tracing: boolean;
  readonly maxConnections: number | undefined;
  readonly maxQueues: number | undefined;
}

export interface ExchangeSpec {
  readonly name: string;
  readonly vhost: string;
  readonly origin: Origin;
  readonly type: ExchangeType;
  /** Default true. Replaces. */
  readonly durable: boolean;
  readonly autoDelete: boolean;
  readonly internal: boolean;
  /**
   * Name of an exchange in the same vhost. Applied by the exchange's generated policy (changes
   * in place) unless `settingsAsArguments`.
   */
  readonly alternateExchange: string | undefined;
  readonly description: string | undefined;
  /** Set on exchanges the model generated (retry expansion): the queue they serve. Optional. */
  readonly generatedFor?: string | undefined;
  /**
   * True for an exchange listed in `rabbitmq-ha:topology.keepExchangeArguments`: its alternate
   * exchange stays the declare-time `alternate-exchange` argument (as deployed before it moved to
   * a policy). Otherwise a generated policy applies it (model/derive/settingsPolicies.ts).
   */
  readonly settingsAsArguments?: boolean;
}

export interface DeadLetterSpec {
  readonly exchange: string;
  readonly routingKey: string | undefined;
}

/** The seed's retry rule: resend every `intervalMs`, at most `maxAttempts` times, then park. */
export interface RetrySpec {
  readonly intervalMs: number;
  readonly maxAttempts: number;
}

export interface QueueSpec {
  readonly name: string;
  readonly vhost: string;
  readonly origin: Origin;
  readonly type: QueueType;
  /** Default true; quorum queues are always durable. Replaces. */
  readonly durable: boolean;
  readonly autoDelete: boolean;
  readonly deadLetter: DeadLetterSpec | undefined;
  readonly messageTtlMs: number | undefined;
  readonly maxLength: number | undefined;
  readonly maxLengthBytes: number | undefined;
  readonly overflow: Overflow | undefined;
  readonly singleActiveConsumer: boolean;
  /** Quorum only. */
  readonly deliveryLimit: number | undefined;
  /** Quorum only. */
  readonly initialGroupSize: number | undefined;
  /** Expanded by model/derive/retry.ts into retry and parking-lot objects; kept for `names`. */
  readonly retry: RetrySpec | undefined;
  /** Set on objects the model generated (retry expansion): the queue they serve. */
  readonly generatedFor: string | undefined;
  readonly description: string | undefined;
  /**
   * True for a queue listed in `rabbitmq-ha:topology.keepQueueArguments`: its TTL, length,
   * overflow, dead-letter and delivery-limit settings stay declare-time x-arguments (as deployed
   * before they moved to policies), so changing one replaces the queue. Otherwise they are
   * applied by a generated policy (model/derive/settingsPolicies.ts) and change in place.
   */
  readonly settingsAsArguments?: boolean;
}

export interface BindingSpec {
  readonly vhost: string;
  readonly origin: Origin;
  readonly source: string;
  readonly destination: string;
  readonly destinationType: "queue" | "exchange";
  readonly routingKey: string;
  /** Header-exchange arguments (x-match etc.). */
  readonly arguments: Readonly<Record<string, string | number | boolean>>;
  /** Set on bindings the model generated (retry expansion): the queue they serve. Optional. */
  readonly generatedFor?: string | undefined;
}

export const POLICY_APPLY_TO = ["queues", "exchanges", "all", "classic_queues", "quorum_queues", "streams"] as const;
export type PolicyApplyTo = (typeof POLICY_APPLY_TO)[number];

export interface PolicySpec {
  readonly name: string;
  readonly vhost: string;
  readonly origin: Origin;
  readonly pattern: string;
  readonly applyTo: PolicyApplyTo;
  readonly priority: number;
  /** Policy keys as RabbitMQ spells them (ha-mode, message-ttl, ...). */
  readonly definition: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /** An operator policy (limits users cannot override). */
  readonly operator: boolean;
  /**
   * Set on the policy the model generated to apply a queue's or an exchange's own settings
   * (model/derive/settingsPolicies.ts): that object's name. Optional.
   */
  readonly generatedFor?: string | undefined;
}

export interface UserSpec {
  readonly name: string;
  readonly origin: Origin;
  readonly description: string | undefined;
  /** RabbitMQ user tags (monitoring, management, policymaker, administrator). Default none. */
  readonly tags: readonly string[];
  /* No password here: topology files live in the repo. Passwords come from the stack secret
     `rabbitmq-ha:userPasswords` (by user name) or are generated (infra/secrets.ts). */
  /** Per vhost grants, derived from publishes/consumes. */
  readonly grants: readonly UserGrant[];
}

export interface UserGrant {
  readonly vhost: string;
  /** Exchanges this user may publish to (write). */
  readonly publishes: readonly string[];
  /** Queues this user may consume from (read). */
  readonly consumes: readonly string[];
}

export interface TopologySpec {
  /** Topology files that were read, relative to the project. */
  readonly files: readonly string[];
  readonly vhosts: readonly VhostSpec[];
  readonly exchanges: readonly ExchangeSpec[];
  /** Includes retry and parking-lot queues generated by the retry expansion. */
  readonly queues: readonly QueueSpec[];
  readonly bindings: readonly BindingSpec[];
  readonly policies: readonly PolicySpec[];
  readonly users: readonly UserSpec[];
}

export interface SafetySpec {
  /** Pulumi `protect` on queues (and vhosts): `pulumi up` refuses to delete them. */
  readonly protectQueues: boolean;
  /** Pulumi `retainOnDelete` on queues: removed from state, kept on the broker. */
  readonly retainQueuesOnDelete: boolean;
}

export interface NamingRules {
  /** Regular expressions (anchored) names must match. */
  readonly vhost: string;
  readonly exchange: string;
  readonly queue: string;
  readonly user: string;
  /** Exchanges and queues must start with their file's system name (SALE_...). */
  readonly requireSystemPrefix: boolean;
}

export interface Model {
  readonly project: string;
  readonly stack: string;
  readonly hosts: readonly DockerHost[];
  readonly network: NetworkSpec;
  readonly cluster: ClusterSpec;
  readonly loadBalancers: LoadBalancerPairSpec;
  readonly topology: TopologySpec;
  readonly safety: SafetySpec;
  readonly naming: NamingRules;
  /** rabbitmq-ha:tls (model/tls/spec.ts). Default: off. */
  readonly tls: TlsSpec;
  /** Management endpoint the topology provider uses. Default http://<VIP>:15672, https://<VIP>:15671 with TLS on. */
  readonly managementEndpoint: string;
  /** How the rendered Prometheus scrape config scrapes the stack (`rabbitmq-ha:metrics`). */
  readonly metrics: MetricsSpec;
  /** Warnings that did not stop validation (deprecations, weak majorities). */
  readonly warnings: readonly Diagnostic[];
}

export interface MetricsSpec {
  /** scrape_interval in ms. Default 15000. */
  readonly scrapeIntervalMs: number;
  /** Labels added to every target. Default none. */
  readonly labels: Readonly<Record<string, string>>;
}

// ---- diagnostics ----------------------------------------------------------------------------

export interface Diagnostic {
  readonly severity: "error" | "warning";
  /** File the problem is in, relative to the project. */
  readonly file: string;
  /** 1-based; 0 when the position is unknown. */
  readonly line: number;
  readonly column: number;
  /** Dotted path inside the file, e.g. config.rabbitmq-ha:cluster.nodes[1].type or exchanges[0].name. */
  readonly path: string;
  /** What is wrong, then what is allowed in parentheses. */
  readonly message: string;
}
