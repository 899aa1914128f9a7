/**
 * URLs with credentials in them (the stack outputs amqpUrl, managementUrl, statsUrl carry them)
 * split into a printable URL and the credentials. fetch() refuses URLs with credentials, and a
 * URL with a password must never reach a table, a log or an error line.
 */
import { VerifyAbort } from "./errors";

export interface Endpoint {
  /** The URL without user and password: safe to print. */
  readonly url: URL;
  readonly username: string | undefined;
  readonly password: string | undefined;
}

export function parseEndpoint(raw: string, what: string, protocols: readonly string[]): Endpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The raw text may hold a password: say what is wrong without echoing it.
    throw new VerifyAbort(`${what} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new VerifyAbort(`${what} must start with ${protocols.map((p) => `${p}//`).join(" or ")} (got ${url.protocol}//)`);
  }
  const username = url.username === "" ? undefined : decodeURIComponent(url.username);
  const password = url.password === "" ? undefined : decodeURIComponent(url.password);
  url.username = "";
  url.password = "";
  return { url, username, password };
}

/** A URL as it may be printed: no credentials, no trailing slash. */
export function printable(url: URL): string {
  const copy = new URL(url.href);
  copy.username = "";
  copy.password = "";
  return copy.href.replace(/\/$/, "");
}

/** The same URL on another host (the individual HAProxy instances behind the VIP). */
export function withHost(url: URL, host: string): URL {
  const copy = new URL(url.href);
  copy.hostname = host;
  return copy;
}
