/**
 * The load-balancer image's peer_silent.sh track script, run for real against loopback
 * listeners: a live HTTP server (the peer answers), the same server frozen with SIGSTOP (what
 * `docker pause` does: the kernel still accepts the connection, nobody answers) and a closed port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCRIPT = path.resolve(__dirname, "..", "..", "templates", "loadbalancer", "peer_silent.sh");
const silent = (port: number, ...peers: string[]): number | null => spawnSync("bash", [SCRIPT, String(port), ...peers]).status;

/** An HTTP server in its own process, so SIGSTOP freezes it and not this test. */
let server: ChildProcess;
let port: number;

beforeAll(async () => {
  server = spawn(process.execPath, ["-e", `require("http").createServer((q, r) => r.writeHead(401).end()).listen(0, "127.0.0.1", function () { console.log(this.address().port); })`], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  port = await new Promise<number>((resolve) => server.stdout!.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))));
});
afterAll(() => {
  server.kill("SIGCONT");
  server.kill("SIGKILL");
});

async function closedPort(): Promise<number> {
  const s = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => s.once("listening", r));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

describe("peer_silent.sh", () => {
  it("is not silent (exit 1) while the peer answers HTTP, whatever the status", () => {
    expect(silent(port, "127.0.0.1")).toBe(1);
  });

  it("is silent (exit 0) when the peer is frozen: the connection opens, no answer comes", () => {
    server.kill("SIGSTOP");
    try {
      const started = Date.now();
      expect(silent(port, "127.0.0.1")).toBe(0);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      server.kill("SIGCONT");
    }
  });

  it("is silent (exit 0) when nothing listens", async () => {
    expect(silent(await closedPort(), "127.0.0.1")).toBe(0);
  });

  it("is not silent while any one of several peers answers", async () => {
    expect(silent(port, "127.0.0.2", "127.0.0.1")).toBe(1);
  });
});
