/**
 * The TLS part of the model (rabbitmq-ha:tls), and the ports and file paths every TLS consumer
 * shares (nodes, HAProxy, the topology provider, verify).
 */

/** Where the certificates come from. */
export const TLS_SOURCES = ["generated", "given"] as const;
export type TlsSource = (typeof TLS_SOURCES)[number];

export interface TlsSpec {
  /** AMQPS 5671 + HTTPS management 15671 on every node and through the VIP. Default false. Replaces nodes and load balancers. */
  readonly enabled: boolean;
  /** Plain 5672/15672 stay open beside TLS. Default true. Replaces nodes and load balancers. */
  readonly plainListeners: boolean;
  /** generated (@pulumi/tls at `pulumi up`) or given (secret config keys). Default generated. */
  readonly source: TlsSource;
  /** Validity of generated node certificates in days. Default 825. */
  readonly validityDays: number;
}

export const TLS_OFF: TlsSpec = { enabled: false, plainListeners: true, source: "generated", validityDays: 825 };

export const AMQPS_PORT = 5671;
export const MANAGEMENT_TLS_PORT = 15671;

/** Where a node keeps its TLS files (owned by the rabbitmq user; the key readable by it alone). */
export const NODE_TLS_DIR = "/etc/rabbitmq/tls";
export const NODE_CA_PATH = `${NODE_TLS_DIR}/ca.pem`;
export const NODE_CERT_PATH = `${NODE_TLS_DIR}/cert.pem`;
export const NODE_KEY_PATH = `${NODE_TLS_DIR}/key.pem`;
/** The CA HAProxy verifies the nodes' certificates with in its TLS health checks. */
export const HAPROXY_CA_PATH = "/usr/local/etc/haproxy/rabbitmq-ca.pem";

/** Secret config keys holding given PEMs (certificates: given). */
export const GIVEN_TLS_KEYS = { key: "tlsPrivateKey", cert: "tlsCertificate", ca: "tlsCaCertificate" } as const;

/** Days before expiry from which a certificate is warned about. */
export const EXPIRY_WARNING_DAYS = 30;

/** The names clients use to reach the brokers, which every node certificate must cover. */
export interface TlsNames {
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
}

export function nodeTlsNames(node: { readonly hostname: string; readonly address: string }, virtualIp: string): TlsNames {
  // The VIP too: HAProxy passes TLS through, so a client of the VIP is shown the node's certificate.
  return { dnsNames: [node.hostname, "localhost"], ipAddresses: [node.address, virtualIp, "127.0.0.1"] };
}
