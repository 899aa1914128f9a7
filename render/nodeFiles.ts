import type { ClusterNodeSpec, ClusterSpec } from "../model/types";
import { ADMIN_CONF_NAME, renderAdminConf } from "./adminConf";
import { type ContainerFile, plain, secret } from "./containerFile";
import { PEERS_CONF_PATH, renderPeersConf } from "./clusterPeers";
import { renderEnabledPlugins } from "./enabledPlugins";
import { renderRabbitmqConf } from "./rabbitmqConf";
import { NODE_CA_PATH, NODE_CERT_PATH, NODE_KEY_PATH, TLS_OFF, type TlsSpec } from "../model/tls/spec";

/** uid and gid of the rabbitmq user in the official images (and the e2e stand-ins). */
export const RABBITMQ_UID = "999";

export const ERLANG_COOKIE_PATH = "/var/lib/rabbitmq/.erlang.cookie";
/** After the image's 10-defaults.conf (and the management image's 20-...), so ours wins. */
export const RABBITMQ_CONF_PATH = "/etc/rabbitmq/conf.d/50-rabbitmq-ha.conf";
export const ADMIN_CONF_PATH = `/etc/rabbitmq/conf.d/${ADMIN_CONF_NAME}`;
export const ENABLED_PLUGINS_PATH = "/etc/rabbitmq/enabled_plugins";

export interface NodeSecrets {
  readonly erlangCookie: string;
  /**
   * The admin's BOOTSTRAP password (infra/secrets.ts adminBootstrapPassword): RabbitMQ applies
   * default_pass only when a blank node first boots, and it never changes, so rotating the
   * admin password (infra/admin/) never changes this upload nor restarts a node.
   */
  readonly adminPassword: string;
  /** The node's TLS material (PEM), with rabbitmq-ha:tls on; the key is secret, so is the set. */
  readonly tls?: NodeTlsMaterial;
}

export interface NodeTlsMaterial {
  readonly privateKey: string;
  readonly certificate: string;
  readonly ca: string;
}

function tlsPart(s: NodeSecrets, part: keyof NodeTlsMaterial): string {
  const pem = s.tls?.[part];
  if (pem === undefined) throw new Error(`rabbitmq-ha:tls is on but the node's TLS ${part} was not provided`);
  return pem;
}

/** With TLS on: the CA and certificate readable by the broker, the key by the broker alone (0400). */
function tlsFiles(tls: TlsSpec): ContainerFile<NodeSecrets>[] {
  if (!tls.enabled) return [];
  const owned = { owner: RABBITMQ_UID, group: RABBITMQ_UID } as const;
  return [
    { path: NODE_CA_PATH, ...owned, permissions: "0444", content: secret((s: NodeSecrets) => tlsPart(s, "ca")) },
    { path: NODE_CERT_PATH, ...owned, permissions: "0444", content: secret((s: NodeSecrets) => tlsPart(s, "certificate")) },
    { path: NODE_KEY_PATH, ...owned, permissions: "0400", content: secret((s: NodeSecrets) => tlsPart(s, "privateKey")) },
  ];
}

/** Erlang reads the first line of the cookie file; its own cookies are at most 255 characters. */
function cookieText(cookie: string): string {
  if (cookie.length === 0 || cookie.length > 255 || /[\r\n]/.test(cookie)) {
    throw new Error("erlangCookie cannot be used (allowed: 1-255 characters on one line)");
  }
  return cookie;
}

/** The files one RabbitMQ node gets, in upload order. */
export function nodeFiles(cluster: ClusterSpec, node: ClusterNodeSpec, stack: string, tls: TlsSpec = TLS_OFF): ContainerFile<NodeSecrets>[] {
  const rabbitmqOnly = { owner: RABBITMQ_UID, group: RABBITMQ_UID, permissions: "0400" } as const;
  const readable = { owner: RABBITMQ_UID, group: RABBITMQ_UID, permissions: "0644" } as const;
  return [
    // Owner-only, or Erlang refuses to start; never an environment variable (docker inspect shows those).
    { path: ERLANG_COOKIE_PATH, ...rabbitmqOnly, content: secret((s: NodeSecrets) => cookieText(s.erlangCookie)) },
    { path: RABBITMQ_CONF_PATH, ...readable, content: plain(renderRabbitmqConf(cluster, node, stack, tls)) },
    { path: ADMIN_CONF_PATH, ...rabbitmqOnly, content: secret((s: NodeSecrets) => renderAdminConf(cluster.adminUser, s.adminPassword)) },
    { path: ENABLED_PLUGINS_PATH, ...readable, content: plain(renderEnabledPlugins(cluster)) },
    // Read on a node's first boot only: existing nodes ignore later changes (render/clusterPeers.ts).
    { path: PEERS_CONF_PATH, ...readable, content: plain(renderPeersConf(cluster, stack)) },
    // Last, so the peer list keeps its index (ignoreChanges names it by position).
    ...tlsFiles(tls),
  ];
}

/** Where the peer list sits among a node's uploads (for ignoreChanges on its content). */
export function peerListUploadIndex(files: readonly ContainerFile<NodeSecrets>[]): number {
  const index = files.findIndex((f) => f.path === PEERS_CONF_PATH);
  if (index < 0) throw new Error(`no upload for ${PEERS_CONF_PATH}`);
  return index;
}
