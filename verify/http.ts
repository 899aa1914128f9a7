/**
 * HTTP with Basic auth and a deadline, shared by the management API and the HAProxy stats page.
 * Every failure becomes an Error whose message is one line naming the endpoint (never its
 * credentials) and what went wrong.
 */
import { describeError } from "./errors";
import { printable } from "./endpoint";
import { requestWithCa } from "../infra/admin/caRequest";

export interface HttpTarget {
  /** What this endpoint is, for messages: "management API", "HAProxy stats". */
  readonly label: string;
  readonly base: URL;
  readonly username: string;
  readonly password: string;
  readonly timeoutMs: number;
  /** The CA an https endpoint's certificate must chain to (rabbitmq-ha:tls). */
  readonly ca?: string;
}

export class HttpStatusError extends Error {
  override readonly name = "HttpStatusError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface HttpRequest {
  readonly method?: "GET" | "PUT" | "DELETE";
  readonly body?: unknown;
}

/** `suffix` is appended to the base path: "/api/nodes" to http://h:15672, ";csv" to http://h:8404/stats. */
export function urlOf(target: HttpTarget, suffix: string): URL {
  const base = target.base;
  return new URL(`${base.origin}${base.pathname.replace(/\/$/, "")}${suffix}`);
}

export async function httpText(target: HttpTarget, suffix: string, request: HttpRequest = {}): Promise<string> {
  const method = request.method ?? "GET";
  const where = `${target.label} ${printable(target.base)}`;
  let response: { status: number; text: string };
  try {
    response = await requestWithCa(urlOf(target, suffix).href, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${target.username}:${target.password}`).toString("base64")}`,
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      timeoutMs: target.timeoutMs,
      ...(target.ca === undefined ? {} : { ca: target.ca }),
    });
  } catch (error) {
    throw new Error(`${where}: ${describeError(error)}`);
  }
  const text = response.text;
  if (response.status >= 200 && response.status < 300) return text;
  throw new HttpStatusError(`${where}: ${statusReason(response.status, method, suffix, target.username, text)}`, response.status);
}

export async function httpJson<T>(target: HttpTarget, suffix: string): Promise<T> {
  return JSON.parse(await httpText(target, suffix)) as T;
}

function statusReason(status: number, method: string, suffix: string, username: string, body: string): string {
  if (status === 401) return `user "${username}" rejected: wrong username or password`;
  // The management API explains itself in {"error": ..., "reason": ...}.
  let reason = "";
  try {
    const parsed = JSON.parse(body) as { reason?: unknown };
    if (typeof parsed.reason === "string") reason = `: ${parsed.reason}`;
  } catch {
    // Not JSON (HAProxy, a proxy in between): the status says enough.
  }
  if (status === 403) return `user "${username}" may not ${method} ${suffix}${reason}`;
  return `${method} ${suffix} answered HTTP ${status}${reason}`;
}
