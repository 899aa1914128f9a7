import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestWithCa } from "../../../infra/admin/caRequest";
import { makeCa, makeNodeCertificate, type Made } from "../../support/tlsMaterial";

let ca: Made;
let server: Server;
let url: string;

beforeAll(async () => {
  ca = await makeCa("test CA");
  const node = await makeNodeCertificate(ca, { dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"] }, 24);
  server = createServer({ key: node.key, cert: node.cert }, (req, res) => res.writeHead(200, { location: "/x" }).end(`${req.method} ok`));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/whoami`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("requestWithCa against a real HTTPS server", () => {
  it("trusts the given CA, and answers status, body and headers", async () => {
    const answer = await requestWithCa(url, { method: "PUT", headers: {}, body: "{}", timeoutMs: 5_000, ca: ca.cert });
    expect(answer).toMatchObject({ status: 200, text: "PUT ok", headers: { location: "/x" } });
  });

  it("refuses the server without the CA, or with another one", async () => {
    const other = await makeCa("other CA");
    await expect(requestWithCa(url, { method: "GET", headers: {}, timeoutMs: 5_000 })).rejects.toThrow();
    await expect(requestWithCa(url, { method: "GET", headers: {}, timeoutMs: 5_000, ca: other.cert })).rejects.toThrow(/certificate/i);
  });
});
