/**
 * A stand-in for the parts of the management HTTP API the admin credential and the cluster
 * guard call, on 127.0.0.1, answering as RabbitMQ does: 401 unless Basic auth matches the admin's
 * CURRENT password, GET /api/whoami, GET/PUT /api/users/<admin> (a PUT changes the password),
 * GET /api/policies and /api/feature-flags from what the test sets.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeBroker {
  readonly endpoint: string;
  /** The admin's password as the broker has it now. */
  password: string;
  policies: unknown[];
  featureFlags: unknown[];
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startFakeBroker(user: string, password: string): Promise<FakeBroker> {
  const broker = { password, policies: [] as unknown[], featureFlags: [] as unknown[], requests: [] as string[] };
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const path = req.url ?? "";
      broker.requests.push(`${req.method} ${path}`);
      const json = (status: number, body?: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(body === undefined ? "" : JSON.stringify(body));
      if (req.headers.authorization !== `Basic ${Buffer.from(`${user}:${broker.password}`).toString("base64")}`) return json(401, { error: "not_authorised" });
      if (path === "/api/whoami") return json(200, { name: user, tags: ["administrator"] });
      if (path === "/api/policies") return json(200, broker.policies);
      if (path === "/api/feature-flags") return json(200, broker.featureFlags);
      if (path === `/api/users/${user}` && req.method === "GET") return json(200, { name: user, tags: ["administrator"] });
      if (path === `/api/users/${user}` && req.method === "PUT") {
        broker.password = (JSON.parse(raw) as { password: string }).password;
        return json(204);
      }
      return json(404, { error: "Object Not Found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(broker, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
