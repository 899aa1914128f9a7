/**
 * The RabbitMQ management HTTP API as terraform-provider-rabbitmq (rabbit-hole) calls it: the
 * provider's `endpoint`, Basic auth with its `username`/`password`, JSON bodies, and a status of
 * 400 or more is an error. No retries: the real provider has none either.
 */
import { readFileSync } from "node:fs";
import { requestWithCa } from "../../../infra/admin/caRequest";
import { Inputs, optString, reqString } from "../inputs";
import type { ResourceState } from "../../types";

export interface ManagementEndpoint {
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
  /**
   * The provider's `cacertFile`, read: terraform-provider-rabbitmq v1.8.0 rabbitmq/provider.go
   * loads it into the TLS client's RootCAs for an https endpoint.
   */
  readonly ca?: string;
}

export function endpointOf(providerInputs: Inputs | undefined, where: string): ManagementEndpoint {
  if (!providerInputs) throw new Error(`${where}: no explicit rabbitmq.Provider; the default provider's endpoint is not configured in e2e`);
  return {
    endpoint: reqString(providerInputs, "endpoint", `${where} provider`).replace(/\/+$/, ""),
    username: reqString(providerInputs, "username", `${where} provider`),
    password: reqString(providerInputs, "password", `${where} provider`),
    ...caOf(optString(providerInputs, "cacertFile", `${where} provider`), where),
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
  const response = await requestWithCa(`${target.endpoint}${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    timeoutMs,
    ...(target.ca === undefined ? {} : { ca: target.ca }),
  });
  const text = response.text;
  const parsed = text ? safeJson(text) : undefined;
  if (response.status >= 400) {
    throw new Error(`${method} ${path}: HTTP ${response.status} ${typeof parsed === "object" ? JSON.stringify(parsed) : text}`);
  }
  return { status: response.status, headers: new Headers(response.headers), body: parsed };
}

function caOf(file: string | undefined, where: string): { ca?: string } {
  if (file === undefined || file === "") return {};
  try {
    return { ca: readFileSync(file, "utf8") };
  } catch (error) {
    throw new Error(`${where} provider: cacertFile ${file} cannot be read (${(error as Error).message})`);
  }
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
