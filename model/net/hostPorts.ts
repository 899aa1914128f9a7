/**
 * What a container binds on its machine with host networking (several Docker hosts): there is no
 * bridge to give each container its own address, so two containers on one machine must not
 * listen on the same port of the same address. The renderers bind exactly these
 * (test/render/hostNetworking.test.ts holds them to it):
 *  - a node listens for clients on its host's LAN address only, so its host's load balancer can
 *    take the same ports on the VIP; the Erlang port mapper (4369), the distribution port
 *    (25672, fixed) and Prometheus (15692) listen on every address;
 *  - a load balancer listens for clients on the VIP only (HAProxy's `transparent`, which falls back to IP_FREEBIND unprivileged: the VIP is
 *    bindable before Keepalived adds it, and the backup has it ready when it takes over), on
 *    127.0.0.1:5672 for its own Keepalived track script, and on every address for its stats page
 *    (the peer's Keepalived polls it at this host's address) and its Prometheus exporter;
 *  - with TLS the same holds for AMQPS (5671) and HTTPS management (15671).
 */
export const WILDCARD = "0.0.0.0";

export const HOST_PORTS = {
  amqp: 5672,
  management: 15672,
  prometheus: 15692,
  epmd: 4369,
  distribution: 25672,
  stats: 8404,
  // rabbitmq-ha:tls (bound only with TLS on; listed always, as they never clash when off).
  amqps: 5671,
  managementTls: 15671,
  // HAProxy's Prometheus exporter (rabbitmq-ha:metrics, render/haproxyMetrics.ts).
  haproxyMetrics: 8405,
} as const;

export interface PortBinding {
  readonly address: string;
  readonly port: number;
  readonly what: string;
}

export function nodeBindings(nodeAddress: string): PortBinding[] {
  return [
    { address: nodeAddress, port: HOST_PORTS.amqp, what: "AMQP" },
    { address: nodeAddress, port: HOST_PORTS.management, what: "management" },
    { address: nodeAddress, port: HOST_PORTS.amqps, what: "AMQPS" },
    { address: nodeAddress, port: HOST_PORTS.managementTls, what: "HTTPS management" },
    { address: WILDCARD, port: HOST_PORTS.prometheus, what: "Prometheus" },
    { address: WILDCARD, port: HOST_PORTS.epmd, what: "Erlang port mapper (epmd)" },
    { address: WILDCARD, port: HOST_PORTS.distribution, what: "Erlang distribution" },
  ];
}

export function loadBalancerBindings(virtualIp: string): PortBinding[] {
  return [
    { address: virtualIp, port: HOST_PORTS.amqp, what: "AMQP on the VIP" },
    { address: virtualIp, port: HOST_PORTS.management, what: "management on the VIP" },
    { address: "127.0.0.1", port: HOST_PORTS.amqp, what: "AMQP for the local track script" },
    { address: virtualIp, port: HOST_PORTS.amqps, what: "AMQPS on the VIP" },
    { address: virtualIp, port: HOST_PORTS.managementTls, what: "HTTPS management on the VIP" },
    { address: "127.0.0.1", port: HOST_PORTS.amqps, what: "AMQPS for the local track script" },
    { address: WILDCARD, port: HOST_PORTS.stats, what: "HAProxy stats" },
    { address: WILDCARD, port: HOST_PORTS.haproxyMetrics, what: "HAProxy Prometheus exporter" },
  ];
}

/** Two bindings clash on one port when either takes every address or both take the same one. */
export function bindingsClash(a: PortBinding, b: PortBinding): boolean {
  return a.port === b.port && (a.address === WILDCARD || b.address === WILDCARD || a.address === b.address);
}
