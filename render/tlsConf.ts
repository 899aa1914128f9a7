/**
 * rabbitmq.conf settings for TLS (rabbitmq-ha:tls): AMQPS and HTTPS management listeners with
 * the files nodeFiles.ts uploads. Clients are not asked for certificates: they authenticate
 * with their password, over a channel that proves the broker's identity.
 */
import { AMQPS_PORT, MANAGEMENT_TLS_PORT, NODE_CA_PATH, NODE_CERT_PATH, NODE_KEY_PATH, type TlsSpec } from "../model/tls/spec";
import type { ConfGroup, ConfSetting } from "./confSettings";

function files(prefix: string): ConfSetting[] {
  return [
    { key: `${prefix}.cacertfile`, value: NODE_CA_PATH },
    { key: `${prefix}.certfile`, value: NODE_CERT_PATH },
    { key: `${prefix}.keyfile`, value: NODE_KEY_PATH },
  ];
}

/**
 * The TLS group of rabbitmq.conf; none when TLS is off. `address`: with host networking the node
 * shares its machine with a load balancer that takes 5671 and 15671 on the VIP, so it listens on
 * its own LAN address only (as the plain listeners, rabbitmqConf.ts).
 */
export function tlsConfGroups(tls: TlsSpec, address?: string): ConfGroup[] {
  if (!tls.enabled) return [];
  return [
    {
      why: `TLS (rabbitmq-ha:tls): AMQPS on ${AMQPS_PORT}, TLS 1.2 and 1.3 only. Clients verify the broker against the CA; the broker asks no client certificate (verify_none): clients log in with their password.`,
      settings: [
        address === undefined ? { key: "listeners.ssl.default", value: String(AMQPS_PORT) } : { key: "listeners.ssl.1", value: `${address}:${AMQPS_PORT}` },
        ...files("ssl_options"),
        { key: "ssl_options.verify", value: "verify_none" },
        { key: "ssl_options.fail_if_no_peer_cert", value: "false" },
        { key: "ssl_options.versions.1", value: "tlsv1.3" },
        { key: "ssl_options.versions.2", value: "tlsv1.2" },
      ],
    },
    {
      why: `HTTPS management UI and API on ${MANAGEMENT_TLS_PORT} with the same certificate: the topology provider and verify use it.`,
      settings: [
        { key: "management.ssl.port", value: String(MANAGEMENT_TLS_PORT) },
        ...(address === undefined ? [] : [{ key: "management.ssl.ip", value: address }]),
        ...files("management.ssl"),
        { key: "management.ssl.versions.1", value: "tlsv1.3" },
        { key: "management.ssl.versions.2", value: "tlsv1.2" },
      ],
    },
  ];
}

/** Whether the plain listeners (AMQP 5672, HTTP management 15672) are open. */
export const plainOpen = (tls: TlsSpec): boolean => !tls.enabled || tls.plainListeners;
