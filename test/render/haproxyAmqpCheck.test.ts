/**
 * The rendered AMQP server check, run by a live HAProxy on loopback against three stand-in
 * nodes: one answers the AMQP protocol header with a connection.start frame (as RabbitMQ does),
 * one answers something else, one accepts and stays silent (a node cut off mid-check). Only the
 * first may be UP; the silent one must be DOWN within the check timeout, not hold the others.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHaproxyCfg } from "../../render/haproxyCfg";
import { seedCluster, seedPair } from "./fixtures";
import { HAPROXY, inTempDirAsync, missing } from "./realBinaries";

/** connection.start as RabbitMQ frames it: type 1, channel 0, size, class 10, method 10, ... */
const CONNECTION_START = Buffer.from("01000000000004000a000a00", "hex");
const AMQP_HEADER = Buffer.from("414d515000000901", "hex");

type Behaviour = "amqp" | "other" | "silent";

function standIn(behaviour: Behaviour): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.once("data", (data: Buffer) => {
      if (behaviour === "amqp" && data.equals(AMQP_HEADER)) socket.write(CONNECTION_START);
      if (behaviour === "other") socket.write("HTTP/1.1 400 Bad Request\r\n\r\n");
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const portOf = (server: net.Server): number => (server.address() as net.AddressInfo).port;

async function freePort(): Promise<number> {
  const server = await standIn("silent");
  const port = portOf(server);
  await new Promise((r) => server.close(r));
  return port;
}

function showStat(socketPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const socket = net.connect(socketPath, () => socket.write("show stat\n"));
    socket.on("data", (d) => (text += d.toString()));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}

describe.skipIf(missing(HAPROXY))("the rendered AMQP check in a live HAProxy", () => {
  const servers: Record<Behaviour, net.Server | undefined> = { amqp: undefined, other: undefined, silent: undefined };

  beforeAll(async () => {
    for (const behaviour of ["amqp", "other", "silent"] as const) servers[behaviour] = await standIn(behaviour);
  });
  afterAll(() => Object.values(servers).forEach((s) => s?.close()));

  /** Runs the rendered defaults + `listen amqp` with each rendered server pointed at a stand-in. */
  async function withLiveAmqp(cluster: typeof seedCluster, standInFor: Record<string, Behaviour>, use: (port: number, status: (sv: string) => string | undefined) => Promise<void>) {
    const text = renderHaproxyCfg({ ...seedPair, checkIntervalMs: 200 }, cluster, "t", { statsPassword: "x" });
    const amqp = text.slice(text.indexOf("listen amqp\n"), text.indexOf("\nlisten management")).split("\n");
    const port = await freePort();
    const rewritten = amqp.map((line) => {
      if (/^\s*bind /.test(line)) return `    bind 127.0.0.1:${port}`;
      const server = /^(\s*server (\S+) )\S+(.*)$/.exec(line);
      return server ? `${server[1]}127.0.0.1:${portOf(servers[standInFor[server[2]!]!]!)}${server[3]}` : line;
    });
    await inTempDirAsync(async (dir) => {
      const socketPath = path.join(dir, "admin.sock");
      const defaults = text.slice(text.indexOf("defaults\n"), text.indexOf("\nlisten amqp"));
      const file = path.join(dir, "haproxy.cfg");
      fs.writeFileSync(file, ["global", `    stats socket ${socketPath} level admin`, defaults, ...rewritten, ""].join("\n"));
      const haproxy = spawn(HAPROXY, ["-db", "-f", file], { stdio: "ignore" });
      try {
        // fall 3 x 200 ms and rise 2 x 200 ms, each check bounded by `timeout check 200ms`.
        await new Promise((r) => setTimeout(r, 2_500));
        const rows = (await showStat(socketPath)).split("\n").map((l) => l.split(","));
        const column = rows[0]!.indexOf("status");
        await use(port, (sv) => rows.find((r) => r[0] === "amqp" && r[1] === sv)?.[column]);
      } finally {
        haproxy.kill("SIGTERM");
      }
    });
  }

  it("marks UP only the node that answers the protocol header with connection.start", async () => {
    const cluster = { ...seedCluster, nodes: seedCluster.nodes.map((n) => ({ ...n, servesClients: true })) };
    await withLiveAmqp(cluster, { "rabbit-disc1": "amqp", "rabbit-ram1": "other", "rabbit-ram2": "silent" }, async (_, status) => {
      expect(["rabbit-disc1", "rabbit-ram1", "rabbit-ram2"].map(status)).toEqual(["UP", "DOWN", "DOWN"]);
    });
  }, 15_000);

  it("serves clients from the non-serving node (a backup) while no serving node is up", async () => {
    await withLiveAmqp(seedCluster, { "rabbit-disc1": "amqp", "rabbit-ram1": "other", "rabbit-ram2": "silent" }, async (port, status) => {
      expect(["rabbit-disc1", "rabbit-ram1", "rabbit-ram2"].map(status)).toEqual(["UP", "DOWN", "DOWN"]);
      expect(await handshake(port)).toBe(true);
    });
  }, 15_000);
});

/** A client through HAProxy: protocol header out, connection.start back within a second. */
function handshake(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(AMQP_HEADER));
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("data", (d: Buffer) => done(d.subarray(7, 11).equals(Buffer.from("000a000a", "hex"))));
    socket.once("error", () => done(false));
  });
}
