import type { ClusterSpec } from "../model/types";

/** Plugins every node runs: management (HAProxy checks, topology provider) and Prometheus metrics. */
export const BASE_PLUGINS = ["rabbitmq_management", "rabbitmq_prometheus"] as const;

const ERLANG_ATOM = /^[a-z][a-z0-9_]*$/;

/** The `enabled_plugins` file: one Erlang list of plugin atoms, base plugins first, no repeats. */
export function renderEnabledPlugins(cluster: ClusterSpec): string {
  const plugins = [...new Set([...BASE_PLUGINS, ...cluster.extraPlugins])];
  const bad = plugins.filter((p) => !ERLANG_ATOM.test(p));
  if (bad.length > 0) {
    throw new Error(`extraPlugins ${bad.map((p) => JSON.stringify(p)).join(", ")} are not plugin names (allowed: lower-case letters, digits and _ , starting with a letter)`);
  }
  return `[${plugins.join(",")}].\n`;
}
