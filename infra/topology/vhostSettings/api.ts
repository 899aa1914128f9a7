/**
 * Vhost operations settings over the management HTTP API: what @pulumi/rabbitmq 3.3.8's VHost
 * (name only) cannot set. All the HTTP logic is here, in two exported functions, so the
 * dynamic provider (resource.ts) and the end-to-end harness apply settings the same way.
 *
 * - PUT /api/vhosts/{vhost} {description, tracing, default_queue_type?}: tracing on is the
 *   seed's Firehose (amq.rabbitmq.trace). The broker creates a vhost on PUT if it is missing,
 *   so the vhost is looked up first: the VHost resource owns its life, not this.
 *   Brokers whose update path keeps the default queue type of an existing vhost (older 3.x)
 *   ignore default_queue_type here; our queues always say their type, so only queues that
 *   applications declare themselves would see the difference.
 * - PUT /api/vhost-limits/{vhost}/{max-connections|max-queues} {value} for a limit, DELETE
 *   when the model has none (404: there was none).
 *
 * Only Node globals and built-ins (admin/caRequest.ts): the dynamic provider serializes this code.
 */
import { requestWithCa } from "../../admin/caRequest";

export interface ManagementConnection {
  /** e.g. http://172.28.8.220:15672 */
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
  /** The stack CA (PEM) for an https endpoint (rabbitmq-ha:tls). */
  readonly ca?: string;
}

export interface VhostSettingsValues {
  readonly vhost: string;
  readonly description: string;
  readonly tracing: boolean;
  /** Sent only when set (and only where the version has it: see settings.ts). */
  readonly defaultQueueType?: string;
  readonly maxConnections?: number;
  readonly maxQueues?: number;
}

interface HttpResult {
  readonly status: number;
  readonly body: string;
}

async function call(conn: ManagementConnection, method: string, path: string, body?: unknown): Promise<HttpResult> {
  const auth = Buffer.from(`${conn.username}:${conn.password}`).toString("base64");
  const answer = await requestWithCa(conn.endpoint.replace(/\/+$/, "") + path, {
    method,
    headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    timeoutMs: 30_000,
    ...(conn.ca === undefined ? {} : { ca: conn.ca }),
  });
  return { status: answer.status, body: answer.text };
}

function check(result: HttpResult, what: string, tolerate404: boolean): void {
  if (result.status < 300 || (tolerate404 && result.status === 404)) return;
  throw new Error(`${what}: HTTP ${result.status} ${result.body}`.trim());
}

async function vhostExists(conn: ManagementConnection, vhost: string): Promise<boolean> {
  const result = await call(conn, "GET", `/api/vhosts/${encodeURIComponent(vhost)}`);
  check(result, `GET vhost ${vhost}`, true);
  return result.status !== 404;
}

async function setLimit(conn: ManagementConnection, vhost: string, limit: string, value: number | undefined): Promise<void> {
  const path = `/api/vhost-limits/${encodeURIComponent(vhost)}/${limit}`;
  if (value === undefined) check(await call(conn, "DELETE", path), `DELETE ${limit} of ${vhost}`, true);
  else check(await call(conn, "PUT", path, { value }), `PUT ${limit} of ${vhost}`, false);
}

export async function applyVhostSettings(conn: ManagementConnection, s: VhostSettingsValues): Promise<void> {
  if (!(await vhostExists(conn, s.vhost))) throw new Error(`vhost ${s.vhost} does not exist (its VHost resource creates it)`);
  const metadata = { description: s.description, tracing: s.tracing, ...(s.defaultQueueType ? { default_queue_type: s.defaultQueueType } : {}) };
  check(await call(conn, "PUT", `/api/vhosts/${encodeURIComponent(s.vhost)}`, metadata), `PUT vhost ${s.vhost}`, false);
  await setLimit(conn, s.vhost, "max-connections", s.maxConnections);
  await setLimit(conn, s.vhost, "max-queues", s.maxQueues);
}

/** Back to the broker's defaults; nothing to do when the vhost is already gone. */
export async function deleteVhostSettings(conn: ManagementConnection, vhost: string): Promise<void> {
  if (!(await vhostExists(conn, vhost))) return;
  check(await call(conn, "PUT", `/api/vhosts/${encodeURIComponent(vhost)}`, { description: "", tracing: false }), `PUT vhost ${vhost}`, false);
  await setLimit(conn, vhost, "max-connections", undefined);
  await setLimit(conn, vhost, "max-queues", undefined);
}
