/**
 * Whether a node is back in its cluster, from `rabbitmq-diagnostics cluster_status --formatter
 * json` as it runs on that node. Pure. The fields read are present in 3.10.8 and 4.3.6
 * (checked in the e2e images): disk_nodes, ram_nodes (3.x only), running_nodes, partitions (an
 * object keyed by node), alarms (a list), maintenance_status (node -> text).
 */
export interface ClusterStatus {
  readonly disk_nodes?: readonly string[];
  readonly ram_nodes?: readonly string[];
  readonly running_nodes?: readonly string[];
  readonly partitions?: Record<string, unknown> | readonly unknown[];
  readonly alarms?: readonly unknown[];
  readonly maintenance_status?: Record<string, string>;
}

export const NOT_UNDER_MAINTENANCE = "not under maintenance";

/** What still keeps `node` from counting as rejoined; empty when it has. */
export function rejoinProblems(status: ClusterStatus, node: string): string[] {
  const members = [...(status.disk_nodes ?? []), ...(status.ram_nodes ?? [])];
  const running = new Set(status.running_nodes ?? []);
  const problems: string[] = [];
  if (!members.includes(node)) problems.push(`${node} is not a cluster member (members: ${members.join(", ") || "none"})`);
  const stopped = members.filter((m) => !running.has(m));
  if (stopped.length > 0) problems.push(`members not running: ${stopped.join(", ")}`);
  const partitions = Array.isArray(status.partitions) ? status.partitions.length : Object.keys(status.partitions ?? {}).length;
  if (partitions > 0) problems.push(`network partitions reported: ${JSON.stringify(status.partitions)}`);
  if ((status.alarms ?? []).length > 0) problems.push(`alarms in effect: ${JSON.stringify(status.alarms)}`);
  return problems;
}

export function underMaintenance(status: ClusterStatus, node: string): boolean {
  const state = status.maintenance_status?.[node];
  return state !== undefined && state !== NOT_UNDER_MAINTENANCE;
}

/** The JSON document in a CLI's output (it may print a warning line before it). */
export function parseClusterStatus(output: string): ClusterStatus {
  const start = output.indexOf("{");
  if (start < 0) throw new Error(`cluster_status printed no JSON: ${output.trim().slice(0, 300)}`);
  return JSON.parse(output.slice(start)) as ClusterStatus;
}
