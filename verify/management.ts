/**
 * The few management API calls the probe makes, typed with only the fields it reads.
 * Shapes as RabbitMQ 3.10-4.3 return them (checked against a live 3.10 broker in
 * test/verify/broker.real.test.ts).
 */
import { httpJson, httpText, HttpStatusError, type HttpTarget } from "./http";

export interface ApiOverview {
  readonly rabbitmq_version?: string;
  readonly cluster_name?: string;
}

export interface ApiNode {
  readonly name: string;
  /** "disc" or "ram" (4.x: always "disc"). */
  readonly type?: string;
  readonly running: boolean;
  readonly mem_alarm?: boolean;
  readonly disk_free_alarm?: boolean;
  /** Nodes this node cannot see although they are running: a network partition. */
  readonly partitions?: readonly string[];
}

export type ApiArguments = Readonly<Record<string, unknown>>;

export interface ApiQueue {
  readonly name: string;
  readonly vhost: string;
  /** "classic", "quorum", "stream". */
  readonly type: string;
  readonly durable: boolean;
  readonly auto_delete: boolean;
  readonly arguments: ApiArguments;
}

export interface ApiExchange {
  readonly name: string;
  readonly vhost: string;
  readonly type: string;
  readonly durable: boolean;
  readonly auto_delete: boolean;
  readonly internal: boolean;
  readonly arguments: ApiArguments;
}

export interface ApiPolicy {
  readonly name: string;
  readonly vhost: string;
  readonly pattern: string;
  readonly "apply-to": string;
  readonly priority: number;
  readonly definition: ApiArguments;
}

const segment = encodeURIComponent;

export const management = {
  overview: (t: HttpTarget) => httpJson<ApiOverview>(t, "/api/overview"),
  nodes: (t: HttpTarget) => httpJson<ApiNode[]>(t, "/api/nodes"),
  queues: (t: HttpTarget, vhost: string) => httpJson<ApiQueue[]>(t, `/api/queues/${segment(vhost)}`),
  exchanges: (t: HttpTarget, vhost: string) => httpJson<ApiExchange[]>(t, `/api/exchanges/${segment(vhost)}`),
  policies: (t: HttpTarget, vhost: string, operator: boolean) =>
    httpJson<ApiPolicy[]>(t, `/api/${operator ? "operator-policies" : "policies"}/${segment(vhost)}`),

  putVhost: (t: HttpTarget, vhost: string, description: string) =>
    httpText(t, `/api/vhosts/${segment(vhost)}`, { method: "PUT", body: { description } }),
  putUser: (t: HttpTarget, user: string, password: string) =>
    // No tags: the probe user cannot log in to the management UI or see other vhosts.
    httpText(t, `/api/users/${segment(user)}`, { method: "PUT", body: { password, tags: "" } }),
  putPermissions: (t: HttpTarget, vhost: string, user: string) =>
    httpText(t, `/api/permissions/${segment(vhost)}/${segment(user)}`, {
      method: "PUT",
      body: { configure: ".*", write: ".*", read: ".*" },
    }),
  deleteVhost: (t: HttpTarget, vhost: string) => deleteIfPresent(t, `/api/vhosts/${segment(vhost)}`),
  deleteUser: (t: HttpTarget, user: string) => deleteIfPresent(t, `/api/users/${segment(user)}`),
};

/** A DELETE that finds nothing has nothing left to clean up. */
async function deleteIfPresent(t: HttpTarget, suffix: string): Promise<void> {
  try {
    await httpText(t, suffix, { method: "DELETE" });
  } catch (error) {
    if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
  }
}
