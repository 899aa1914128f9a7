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

  it("marks UP only the node that answers the protocol header with connection.start", async () => {
    const text = renderHaproxyCfg({ ...seedPair, checkIntervalMs: 200 }, seedCluster, "t", { statsPassword: "x" });
    const amqp = text.slice(text.indexOf("listen amqp\n"), text.indexOf("\nlisten management"));
    const lines = amqp.split("\n").filter((l) => !/^\s*(server |bind )/.test(l));
    const port = await freePort();
    await inTempDirAsync(async (dir) => {
      const socketPath = path.join(dir, "admin.sock");
      const config = [
        "global",
        `    stats socket ${socketPath} level admin`,
        text.slice(text.indexOf("defaults\n"), text.indexOf("\nlisten amqp")),
        ...lines.slice(0, 1),
        `    bind 127.0.0.1:${port}`,
        ...lines.slice(1),
        ...(["amqp", "other", "silent"] as const).map((b) => `    server ${b} 127.0.0.1:${portOf(servers[b]!)}`),
        "",
      ].join("\n");
      const file = path.join(dir, "haproxy.cfg");
      fs.writeFileSync(file, config);
      const haproxy = spawn(HAPROXY, ["-db", "-f", file], { stdio: "ignore" });
      try {
        // fall 3 x 200 ms and rise 2 x 200 ms, each check bounded by `timeout check 200ms`.
        await new Promise((r) => setTimeout(r, 2_500));
        const rows = (await showStat(socketPath)).split("\n").map((l) => l.split(","));
        const header = rows[0]!;
        const status = (sv: string) => rows.find((r) => r[0] === "amqp" && r[1] === sv)?.[header.indexOf("status")];
        expect({ amqp: status("amqp"), other: status("other"), silent: status("silent") }).toEqual({ amqp: "UP", other: "DOWN", silent: "DOWN" });
      } finally {
        haproxy.kill("SIGTERM");
      }
    });
  }, 15_000);
});
