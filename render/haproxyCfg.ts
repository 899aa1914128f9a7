import type { ClusterSpec, LoadBalancerPairSpec } from "../model/types";
import { haproxyDuration, haproxyLiteral } from "./format";
import { AMQP_PORT, MANAGEMENT_PORT } from "./rabbitmqConf";
import { renderTemplate } from "./template";

/** Port of HAProxy's password-protected statistics page. */
export const STATS_PORT = 8404;
/** User name and path of the statistics page (its password is the stack's stats password). */
export const STATS_USER = "stats";
export const STATS_URI = "/stats";

/**
 * The management API health check each backend server is probed with. Not `local-alarms`:
 * an alarm blocks publishers cluster-wide, so taking one node out would only move consumers.
 * Not `node-is-quorum-critical`: its 503 means "do not stop me", not "send no traffic".
 */
export const HEALTH_CHECK_URI = `/api/health/checks/port-listener/${AMQP_PORT}`;

/** What haproxy.cfg needs that is secret; the component passes Output values, `render` placeholders. */
export interface HaproxySecrets {
  /** Full `Authorization` header value for the health checks (see basicAuthorization). */
  readonly healthCheckAuthorization: string;
  readonly statsPassword: string;
}

interface Server {
  readonly name: string;
  readonly address: string;
}

function servers(cluster: ClusterSpec, onlyClientServing: boolean): Server[] {
  return cluster.nodes
    .filter((n) => !onlyClientServing || n.servesClients)
    .map((n) => ({ name: n.hostname, address: n.address }));
}

/** haproxy.cfg, the same for both load balancers of the pair. Holds credentials. */
export function renderHaproxyCfg(pair: LoadBalancerPairSpec, cluster: ClusterSpec, stack: string, secrets: HaproxySecrets): string {
  const amqpServers = servers(cluster, true);
  if (amqpServers.length === 0) throw new Error("no cluster node has servesClients: HAProxy would have no AMQP backend");
  if (/["\r\n\\]/.test(secrets.healthCheckAuthorization)) throw new Error("the health check Authorization header cannot contain quotes, backslashes or line breaks");
  return renderTemplate("haproxy.cfg", {
    stack,
    amqpPort: AMQP_PORT,
    managementPort: MANAGEMENT_PORT,
    statsPort: STATS_PORT,
    statsUri: STATS_URI,
    amqpTimeout: haproxyDuration(pair.amqpTimeoutMs),
    checkInterval: haproxyDuration(pair.checkIntervalMs),
    healthCheckUri: HEALTH_CHECK_URI,
    authorization: secrets.healthCheckAuthorization,
    statsCredentials: haproxyLiteral(`${STATS_USER}:${secrets.statsPassword}`),
    amqpServers,
    managementServers: servers(cluster, false),
  });
}
