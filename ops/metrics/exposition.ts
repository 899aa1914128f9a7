/**
 * Reading Prometheus' text exposition format (what rabbitmq_prometheus and HAProxy's exporter
 * serve): enough to find a sample by name and labels. Comment lines (# HELP, # TYPE) are skipped;
 * a line that does not parse is skipped too (a check that needs it then finds nothing and fails).
 */
import { VIP_STATE_BACKEND, VIP_STATE_SERVER } from "../../render/haproxyMetrics";

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = LINE.exec(line.trim());
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(LABEL)) labels[key!] = value!.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** Samples named `name` whose labels include every one of `labels`. */
export function samplesOf(samples: readonly Sample[], name: string, labels: Readonly<Record<string, string>> = {}): Sample[] {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

/**
 * Whether the HAProxy that served `samples` holds the VIP (render/haproxyMetrics.ts): its
 * vip_state server is up and its last check connected (L4OK), or it is down after a check that
 * did not. Undefined while no check has run yet (HAProxy counts a server up until its first
 * check) or when the exporter does not show the backend at all.
 */
export function vipHeldPerMetrics(samples: readonly Sample[]): boolean | undefined {
  const active = samplesOf(samples, "haproxy_backend_active_servers", { proxy: VIP_STATE_BACKEND })[0];
  const checks = samplesOf(samples, "haproxy_server_check_status", { proxy: VIP_STATE_BACKEND, server: VIP_STATE_SERVER });
  const lastCheck = checks.find((s) => s.value === 1)?.labels["state"];
  if (active === undefined || lastCheck === undefined || lastCheck === "HANA") return undefined;
  if (active.value === 1 && lastCheck === "L4OK") return true;
  if (active.value === 0 && lastCheck !== "L4OK") return false;
  return undefined;
}
