/**
 * What each load balancer tells Prometheus: HAProxy's built-in exporter (frontends, backends,
 * servers, the process) on its own port, and which load balancer holds the VIP, as a backend of
 * HAProxy's own (`vip_state`) whose one server is up exactly while this container's eth0 carries
 * the VIP. So the VIP state needs no extra process, port or image change: it is in the exporter's
 * output as `haproxy_backend_active_servers{proxy="vip_state"}` (1 = held here, 0 = not), checked
 * every VIP_CHECK_INTERVAL by VIP_CHECK_SCRIPT_PATH (`ip addr`, which an unprivileged HAProxy may
 * run). Keepalived's notify scripts were the other way: they fire once per transition, so a missed
 * or failed run leaves a stale answer until the next one; a poll of the interface cannot go stale.
 */
import type { LoadBalancerPairSpec } from "../model/types";
import { AMQP_PORT } from "./rabbitmqConf";

/** HAProxy's exporter port (HAProxy's documentation uses 8405 beside the stats page's 8404). */
export const HAPROXY_METRICS_PORT = 8405;
export const METRICS_PATH = "/metrics";
export const VIP_STATE_BACKEND = "vip_state";
export const VIP_STATE_SERVER = "held_here";
export const VIP_CHECK_SCRIPT_PATH = "/usr/local/etc/haproxy/vip_held.sh";
/** How fast the metric follows a VIP move: one failed (or passed) check flips it. */
export const VIP_CHECK_INTERVAL = "500ms";

/**
 * External check (HAProxy calls it with: proxy address, proxy port, server address, server
 * port): exit 0 when the server address (the VIP) is on one of this container's interfaces.
 */
export const VIP_CHECK_SCRIPT = `#!/bin/sh
# rabbitmq-ha: HAProxy's external check of backend ${VIP_STATE_BACKEND} (render/haproxyMetrics.ts).
# Up while this load balancer holds the VIP ($3), down otherwise.
[ -n "$(ip -o -4 addr show to "$3/32")" ]
`;

/** The template values of haproxy.cfg's metrics block. */
export function haproxyMetricsValues(pair: LoadBalancerPairSpec): Record<string, unknown> {
  return {
    metricsPort: HAPROXY_METRICS_PORT,
    metricsPath: METRICS_PATH,
    vipStateBackend: VIP_STATE_BACKEND,
    vipStateServer: VIP_STATE_SERVER,
    vipCheckScript: VIP_CHECK_SCRIPT_PATH,
    vipCheckInterval: VIP_CHECK_INTERVAL,
    // The port is never connected to: the external check only reads the address.
    vipCheckTarget: `${pair.virtualIp}:${AMQP_PORT}`,
  };
}
