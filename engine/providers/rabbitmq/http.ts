/**
 * The RabbitMQ management HTTP API as terraform-provider-rabbitmq (rabbit-hole) calls it: the
 * provider's `endpoint`, Basic auth with its `username`/`password`, JSON bodies, and a status of
 * 400 or more is an error. No retries: the real provider has none either.
 */
import { Inputs, reqString } from "../inputs";
import type { ResourceState } from "../../types";

export interface ManagementEndpoint {
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
}

export function endpointOf(providerInputs: Inputs | undefined, where: string): ManagementEndpoint {
  if (!providerInputs) throw new Error(`${where}: no explicit rabbitmq.Provider; the default provider's endpoint is not configured in e2e`);
  return {
    endpoint: reqString(providerInputs, "endpoint", `${where} provider`).replace(/\/+$/, ""),
    username: reqString(providerInputs, "username", `${where} provider`),
    password: reqString(providerInputs, "password", `${where} provider`),
  };
}

/** Path segment encoding for vhost and object names ("/" becomes %2F). */
export const seg = encodeURIComponent;

export interface ManagementResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export async function management(
  target: ManagementEndpoint,
  method: "GET" | "PUT" | "POST" | "DELETE",
  path: string,
  body?: unknown,
  timeoutMs = 10_000,
): Promise<ManagementResponse> {
  const auth = Buffer.from(`${target.username}:${target.password}`).toString("base64");
  const response = await fetch(`${target.endpoint}${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (response.status >= 400) {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${typeof parsed === "object" ? JSON.stringify(parsed) : text}`);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A DELETE through the resource's provider; an object already gone counts as deleted (404). */
export async function deleteAt(providerInputs: Inputs | undefined, old: ResourceState, path: string): Promise<void> {
  try {
    await management(endpointOf(providerInputs, `${old.type} ${old.name}`), "DELETE", path);
  } catch (error) {
    if (!/HTTP 404/.test((error as Error).message)) throw error;
  }
}

/** `name@vhost` ids (the provider splits on the last `@`: rabbitmq/util.go parseResourceId). */
export function splitId(id: string): [string, string] {
  const at = id.lastIndexOf("@");
  return [id.slice(0, at), id.slice(at + 1)];
}
