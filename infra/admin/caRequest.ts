/**
 * One HTTP(S) request whose server certificate is verified against a given CA (PEM): the stack's
 * CA with rabbitmq-ha:tls on. Node's global fetch takes no CA (only NODE_EXTRA_CA_CERTS, read
 * once at start), so an https URL with a CA goes through node:https; anything else through fetch.
 * Only Node built-ins: the dynamic providers that use it are closure-serialized.
 */
import type * as Https from "node:https";

export interface CaRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** PEM of the CA the server's certificate must chain to; undefined: the system's CAs. */
  readonly ca?: string;
}

export interface CaAnswer {
  readonly status: number;
  readonly text: string;
  /** Response headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
}

export async function requestWithCa(url: string, request: CaRequest): Promise<CaAnswer> {
  const { method, headers, body, timeoutMs, ca } = request;
  if (ca === undefined || !url.startsWith("https:")) {
    const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text(), headers: Object.fromEntries(response.headers) };
  }
  // Required here, not imported at the top: Pulumi's closure serializer recognises a built-in
  // module only as `require(...)` itself, not behind TypeScript's __importStar wrapper.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const https = require("node:https") as typeof Https;
  return new Promise<CaAnswer>((resolve, reject) => {
    const req = https.request(url, { method, headers: { ...headers }, ca, timeout: timeoutMs }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      const headers = Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value)]));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, headers }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
