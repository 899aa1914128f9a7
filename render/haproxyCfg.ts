import type { ClusterSpec, LoadBalancerPairSpec } from "../model/types";
import { haproxyDuration, haproxyLiteral } from "./format";
import { AMQP_PORT, MANAGEMENT_PORT } from "./rabbitmqConf";
import { renderTemplate } from "./template";
import { AMQPS_PORT, HAPROXY_CA_PATH, MANAGEMENT_TLS_PORT, TLS_OFF, type TlsSpec } from "../model/tls/spec";
import { plainOpen } from "./tlsConf";
import { haproxyMetricsValues } from "./haproxyMetrics";

/** Port of HAProxy's password-protected statistics page. */
export const STATS_PORT = 8404;
/** User name and path of the statistics page (its password is the stack's stats password). */
export const STATS_USER = "stats";
export const STATS_URI = "/stats";

/**
 * The AMQP server check: the AMQP 0-9-1 protocol header ("AMQP" 0 0 9 1) and the class and
 * method ids of the connection.start frame a node answers it with (10, 10). Node-local and
 * credential-free: a management API health check (`/api/health/checks/port-listener/5672`)
 * asks every cluster member and timed out on the healthy nodes while one node was cut off.
 */
export const AMQP_PROTOCOL_HEADER = "414d515000000901";
export const AMQP_CONNECTION_START = "000a000a";
/** The management server check: the UI's start page, served by the node itself without a login. */
export const MANAGEMENT_CHECK_URI = "/";
/** Global connections beyond the AMQP limit, for the management and stats listeners. */
export const NON_AMQP_CONNECTIONS = 100;

/**
 * What haproxy.cfg needs that is secret; the component passes Output values, `render` placeholders.
 * Only the stats password: HAProxy holds no RabbitMQ credential.
 */
export interface HaproxySecrets {
  readonly statsPassword: string;
  /** The stack CA (PEM), with rabbitmq-ha:tls on: HAProxy's TLS checks verify the nodes with it. */
  readonly caCertificate?: string;
}

interface Server {
  readonly name: string;
  readonly address: string;
  /** Takes clients only while no client-serving node is up. */
  readonly backup: boolean;
}

const server = (n: ClusterSpec["nodes"][number]): Server => ({ name: n.hostname, address: n.address, backup: !n.servesClients });

/** haproxy.cfg, the same for both load balancers of the pair. Holds the stats password. */
export function renderHaproxyCfg(pair: LoadBalancerPairSpec, cluster: ClusterSpec, stack: string, secrets: HaproxySecrets, tls: TlsSpec = TLS_OFF): string {
  if (!cluster.nodes.some((n) => n.servesClients)) throw new Error("no cluster node has servesClients: HAProxy would have no AMQP backend");
  const amqpServers = cluster.nodes.map(server);
  const shared = {
    maxConnections: pair.maxConnections,
    checkInterval: haproxyDuration(pair.checkIntervalMs),
    amqpProtocolHeader: AMQP_PROTOCOL_HEADER,
    amqpConnectionStart: AMQP_CONNECTION_START,
    managementCheckUri: MANAGEMENT_CHECK_URI,
    amqpServers,
    hasBackups: amqpServers.some((s) => s.backup),
    managementServers: cluster.nodes.map(server),
  };
  const tlsView = { amqpsPort: AMQPS_PORT, managementPort: MANAGEMENT_TLS_PORT, caFile: HAPROXY_CA_PATH };
  // Host networking (several Docker hosts): listen on the VIP, not on the node's ports.
  const virtualIpBind = pair.networkMode === "host" ? pair.virtualIp : undefined;
  return renderTemplate("haproxy.cfg", {
    plainListeners: plainOpen(tls),
    tlsListeners: tls.enabled ? `${renderTemplate("haproxy-tls.cfg", { ...shared, virtualIpBind, tls: tlsView })}\n` : "",
    stack,
    virtualIpBind,
    amqpPort: AMQP_PORT,
    managementPort: MANAGEMENT_PORT,
    statsPort: STATS_PORT,
    statsUri: STATS_URI,
    maxConnections: pair.maxConnections,
    globalMaxConnections: pair.maxConnections + NON_AMQP_CONNECTIONS,
    amqpTimeout: haproxyDuration(pair.amqpTimeoutMs),
    checkInterval: haproxyDuration(pair.checkIntervalMs),
    amqpProtocolHeader: AMQP_PROTOCOL_HEADER,
    amqpConnectionStart: AMQP_CONNECTION_START,
    managementCheckUri: MANAGEMENT_CHECK_URI,
    statsCredentials: haproxyLiteral(`${STATS_USER}:${secrets.statsPassword}`),
    amqpServers,
    hasBackups: amqpServers.some((s) => s.backup),
    managementServers: cluster.nodes.map(server),
    ...haproxyMetricsValues(pair),
  });
}
