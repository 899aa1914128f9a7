/**
 * What each load balancer tells Prometheus: HAProxy's built-in exporter (frontends, backends,
 * servers, the process) on its own port, and which load balancer holds the VIP, as a backend of
 * HAProxy's own (`vip_state`) whose one server is up exactly while this container holds the VIP.
 * So the VIP state needs no extra process, port, file or image change: it is in the exporter's
 * output as `haproxy_backend_active_servers{proxy="vip_state"}` (1 = held here, 0 = not).
 *
 * How the server's health check knows: it connects FROM the VIP (`source <VIP>`) to the VIP's
 * exporter port. The kernel lets a socket bind an address only while one of the container's
 * interfaces carries it (ip_nonlocal_bind is 0: the program sets no sysctl), so on the holder
 * the check connects to itself (L4OK) and everywhere else bind() fails at once (EADDRNOTAVAIL,
 * SOCKERR). No fork: an external `ip addr` check did the same but its forks timed out on a
 * starved host (the e2e suite saw a load of 20-29 on 2 CPUs). Keepalived's notify scripts were
 * the other way: they fire once per transition, so a missed or failed run leaves a stale answer
 * until the next; a check every second cannot go stale.
 */
import type { LoadBalancerPairSpec } from "../model/types";

/** HAProxy's exporter port (HAProxy's documentation uses 8405 beside the stats page's 8404). */
export const HAPROXY_METRICS_PORT = 8405;
export const METRICS_PATH = "/metrics";
export const VIP_STATE_BACKEND = "vip_state";
export const VIP_STATE_SERVER = "held_here";
/**
 * How fast the metric follows a VIP move: one passed check marks the VIP held (within a second),
 * two failed ones mark it gone (within two), so one check slowed by a starved host does not
 * report the holder as not holding.
 */
export const VIP_CHECK_INTERVAL = "1s";
export const VIP_CHECK_FALL = 2;

/** The template values of haproxy.cfg's metrics block. */
export function haproxyMetricsValues(pair: LoadBalancerPairSpec): Record<string, unknown> {
  return {
    metricsPort: HAPROXY_METRICS_PORT,
    metricsPath: METRICS_PATH,
    vipStateBackend: VIP_STATE_BACKEND,
    vipStateServer: VIP_STATE_SERVER,
    vipCheckInterval: VIP_CHECK_INTERVAL,
    vipCheckFall: VIP_CHECK_FALL,
    virtualIp: pair.virtualIp,
  };
}
