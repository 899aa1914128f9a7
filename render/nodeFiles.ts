import type { ClusterNodeSpec, ClusterSpec } from "../model/types";
import { ADMIN_CONF_NAME, renderAdminConf } from "./adminConf";
import { type ContainerFile, plain, secret } from "./containerFile";
import { PEERS_CONF_PATH, renderPeersConf } from "./clusterPeers";
import { renderEnabledPlugins } from "./enabledPlugins";
import { renderRabbitmqConf } from "./rabbitmqConf";

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
}

/** Erlang reads the first line of the cookie file; its own cookies are at most 255 characters. */
function cookieText(cookie: string): string {
  if (cookie.length === 0 || cookie.length > 255 || /[\r\n]/.test(cookie)) {
    throw new Error("erlangCookie cannot be used (allowed: 1-255 characters on one line)");
  }
  return cookie;
}

/** The files one RabbitMQ node gets, in upload order. */
export function nodeFiles(cluster: ClusterSpec, node: ClusterNodeSpec, stack: string): ContainerFile<NodeSecrets>[] {
  const rabbitmqOnly = { owner: RABBITMQ_UID, group: RABBITMQ_UID, permissions: "0400" } as const;
  const readable = { owner: RABBITMQ_UID, group: RABBITMQ_UID, permissions: "0644" } as const;
  return [
    // Owner-only, or Erlang refuses to start; never an environment variable (docker inspect shows those).
    { path: ERLANG_COOKIE_PATH, ...rabbitmqOnly, content: secret((s: NodeSecrets) => cookieText(s.erlangCookie)) },
    { path: RABBITMQ_CONF_PATH, ...readable, content: plain(renderRabbitmqConf(cluster, node, stack)) },
    { path: ADMIN_CONF_PATH, ...rabbitmqOnly, content: secret((s: NodeSecrets) => renderAdminConf(cluster.adminUser, s.adminPassword)) },
    { path: ENABLED_PLUGINS_PATH, ...readable, content: plain(renderEnabledPlugins(cluster)) },
    // Read on a node's first boot only: existing nodes ignore later changes (render/clusterPeers.ts).
    { path: PEERS_CONF_PATH, ...readable, content: plain(renderPeersConf(cluster, stack)) },
  ];
}

/** Where the peer list sits among a node's uploads (for ignoreChanges on its content). */
export function peerListUploadIndex(files: readonly ContainerFile<NodeSecrets>[]): number {
  const index = files.findIndex((f) => f.path === PEERS_CONF_PATH);
  if (index < 0) throw new Error(`no upload for ${PEERS_CONF_PATH}`);
  return index;
}
