/**
 * One management API request as a given user, for the dynamic providers that log in with
 * passwords the broker may or may not have yet (admin/converge.ts, cluster/guard/). Only Node
 * globals and built-ins (caRequest.ts): the providers using it are closure-serialized.
 */
import { requestWithCa } from "./caRequest";
export interface AdminLogin {
  /** e.g. http://172.28.8.220:15672 */
  readonly endpoint: string;
  readonly username: string;
  /** The stack CA (PEM) the endpoint's certificate is verified with, for an https endpoint. */
  readonly ca?: string;
}

export interface ManagementAnswer {
  readonly status: number;
  readonly text: string;
}

export async function managementRequest(login: AdminLogin, password: string, method: string, path: string, body?: unknown): Promise<ManagementAnswer> {
  const auth = Buffer.from(`${login.username}:${password}`).toString("base64");
  const answer = await requestWithCa(login.endpoint.replace(/\/+$/, "") + path, {
    method,
    headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    timeoutMs: 10_000,
    ...(login.ca === undefined ? {} : { ca: login.ca }),
  });
  return { status: answer.status, text: answer.text };
}

/**
 * GET `path` with the first of `passwords` the broker accepts (401: the next one). Throws when
 * none is accepted or the answer is an error.
 */
export async function getWithAnyOf(login: AdminLogin, passwords: readonly string[], path: string): Promise<unknown> {
  for (const password of passwords) {
    const answer = await managementRequest(login, password, "GET", path);
    if (answer.status === 401) continue;
    if (answer.status !== 200) throw new Error(`GET ${login.endpoint}${path}: HTTP ${answer.status} ${answer.text}`.trim());
    return JSON.parse(answer.text) as unknown;
  }
  throw new Error(`GET ${login.endpoint}${path}: none of the ${passwords.length} known admin passwords is accepted`);
}
