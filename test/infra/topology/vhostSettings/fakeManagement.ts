/**
 * A tiny stand-in for the management HTTP API on 127.0.0.1: it records every request and keeps
 * just enough state (which vhosts exist, their settings and limits) to answer the calls
 * api.ts makes the way RabbitMQ does (404 for a missing vhost or limit, 204 for a write,
 * 401 without the right Basic credentials).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export interface FakeManagement {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  readonly vhosts: Map<string, Record<string, unknown>>;
  readonly limits: Map<string, Record<string, number>>;
  close(): Promise<void>;
}

export async function startFakeManagement(user: string, password: string, vhosts: string[]): Promise<FakeManagement> {
  const state = {
    requests: [] as RecordedRequest[],
    vhosts: new Map(vhosts.map((v) => [v, {} as Record<string, unknown>])),
    limits: new Map<string, Record<string, number>>(),
  };
  const expectedAuth = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const path = req.url ?? "";
      const body = raw === "" ? undefined : JSON.parse(raw);
      state.requests.push({ method: req.method ?? "", path, body });
      const reply = (status: number, text = "") => res.writeHead(status).end(text);
      if (req.headers.authorization !== expectedAuth) return reply(401, '{"error":"not_authorised"}');
      const [, api, kind, vhostEnc, limit] = path.split("/");
      const vhost = decodeURIComponent(vhostEnc ?? "");
      if (api !== "api" || !state.vhosts.has(vhost)) return reply(404, '{"error":"Object Not Found"}');
      if (kind === "vhosts" && req.method === "GET") return reply(200, JSON.stringify({ name: vhost, ...state.vhosts.get(vhost) }));
      if (kind === "vhosts" && req.method === "PUT") return (state.vhosts.set(vhost, body), reply(204));
      const limits = state.limits.get(vhost) ?? {};
      if (kind === "vhost-limits" && req.method === "PUT") return (state.limits.set(vhost, { ...limits, [limit!]: body.value }), reply(204));
      if (kind === "vhost-limits" && req.method === "DELETE") {
        if (!(limit! in limits)) return reply(404, '{"error":"Object Not Found"}');
        delete limits[limit!];
        return reply(204);
      }
      return reply(405);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    ...state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
