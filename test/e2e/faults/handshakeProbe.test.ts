/**
 * The handshake probe against a stand-in broker on loopback that answers the AMQP protocol
 * header with a connection.start frame, then goes silent (accepts, never answers) for a while.
 */
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fork } from "node:child_process";
import * as path from "node:path";
import { type HandshakeMeasurement, HandshakeProbe, RemoteHandshakeProbe } from "./handshakeProbe";

const START_FRAME = Buffer.from("0100000000000e000a000a", "hex");
let server: Server | undefined;
const sockets = new Set<Socket>();

async function standIn(silent: () => boolean): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    socket.once("data", () => {
      if (!silent()) socket.write(START_FRAME);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("HandshakeProbe", () => {
  it("measures no outage while every handshake is answered", async () => {
    const probe = new HandshakeProbe("127.0.0.1", await standIn(() => false));
    await sleep(500);
    const m = await probe.stop();
    expect(m.failed).toBe(0);
    expect(m.attempts).toBeGreaterThan(5);
    expect(m.longestOutageSeconds).toBe(0);
  });

  it("measures a silent stretch as long as it was, not stretched by hung attempts' timeouts", async () => {
    let silentUntil = 0;
    const probe = new HandshakeProbe("127.0.0.1", await standIn(() => Date.now() < silentUntil));
    await sleep(300);
    silentUntil = Date.now() + 600;
    await sleep(1_500);
    const m = await probe.stop();
    expect(m.failed).toBeGreaterThan(5);
    expect(m.longestOutageSeconds).toBeGreaterThanOrEqual(0.5);
    expect(m.longestOutageSeconds).toBeLessThan(0.8);
  });
});

describe("the probe in its own process", () => {
  it("is not stretched by a 1.5 s stall of the suite's event loop (an in-process probe could count it as an outage)", async () => {
    const greeter = fork(path.join(__dirname, "fixtures", "amqpGreeter.js"), [], { execArgv: [] });
    try {
      const port = await new Promise<number>((resolve) => greeter.once("message", (m) => resolve(Number(m))));
      const stalled = async (probe: { stop: () => Promise<HandshakeMeasurement> }): Promise<HandshakeMeasurement> => {
        await sleep(300);
        const until = Date.now() + 1_500;
        while (Date.now() < until); // this process's loop blocked, as by a synchronous require
        await sleep(500);
        return probe.stop();
      };
      const remote = new RemoteHandshakeProbe("127.0.0.1", port);
      await remote.ready;
      const own = await stalled(remote);
      expect(own.attempts).toBeGreaterThan(20);
      expect(own).toMatchObject({ failed: 0, longestOutageSeconds: 0 });
    } finally {
      greeter.kill();
    }
  }, 20_000);
});
