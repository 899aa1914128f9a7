import type { ClusterSpec, LoadBalancerPairSpec, LoadBalancerSpec } from "../model/types";
import { type ContainerFile, plain, secret } from "./containerFile";
import { type HaproxySecrets, renderHaproxyCfg } from "./haproxyCfg";
import { renderKeepalivedConf } from "./keepalivedConf";
import { AMQPS_PORT, HAPROXY_CA_PATH, TLS_OFF, type TlsSpec } from "../model/tls/spec";
import { AMQP_PORT } from "./rabbitmqConf";
import { plainOpen } from "./tlsConf";

/** Paths of the load-balancer image (templates/loadbalancer/Dockerfile). */
export const HAPROXY_CFG_PATH = "/usr/local/etc/haproxy/haproxy.cfg";
export const KEEPALIVED_CONF_PATH = "/etc/keepalived/keepalived.conf";
/** gid of the haproxy user HAProxy runs as in the official image (and the e2e stand-in). */
export const HAPROXY_GID = "99";

/** The files one load balancer gets, in upload order. */
export function loadBalancerFiles(
  pair: LoadBalancerPairSpec,
  instance: LoadBalancerSpec,
  cluster: ClusterSpec,
  stack: string,
  tls: TlsSpec = TLS_OFF,
): ContainerFile<HaproxySecrets>[] {
  return [
    // Holds credentials: readable by root and HAProxy's group only.
    {
      path: HAPROXY_CFG_PATH,
      owner: "0",
      group: HAPROXY_GID,
      permissions: "0640",
      content: secret((s: HaproxySecrets) => renderHaproxyCfg(pair, cluster, stack, s, tls)),
    },
    // The CA HAProxy verifies the nodes with in its TLS checks (a certificate: no secret, but an
    // Output known only once generated, so it travels with the secrets).
    ...(tls.enabled ? [{ path: HAPROXY_CA_PATH, owner: "0", group: HAPROXY_GID, permissions: "0644", content: secret((s: HaproxySecrets) => caOf(s)) }] : []),
    { path: KEEPALIVED_CONF_PATH, owner: "0", group: "0", permissions: "0644", content: plain(renderKeepalivedConf(pair, instance, plainOpen(tls) ? AMQP_PORT : AMQPS_PORT)) },
  ];
}

function caOf(s: HaproxySecrets): string {
  if (s.caCertificate === undefined) throw new Error("rabbitmq-ha:tls is on but HAProxy was given no CA certificate");
  return s.caCertificate;
}
