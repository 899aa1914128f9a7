/**
 * Can a new client get an AMQP connection through the VIP? Every 50 ms, one new TCP connection
 * to VIP:5672 sends the AMQP 0-9-1 protocol header and must read back the start of a
 * connection.start frame (method frame, channel 0, class 10, method 10) within a second: that
 * answer comes from a broker node, so a load balancer that accepts and has no server to pass
 * the connection to counts as an outage.
 *
 * Attempts overlap (one starts every 50 ms whatever the previous ones are doing), so one attempt
 * whose SYN went to a load balancer that just lost the VIP, and hangs until its timeout, hides
 * nothing: the outage is the longest stretch of time in which no attempt that started got a
 * prompt answer (within PROMPT_MS), i.e. the largest gap between the start times of successive
 * prompt successes, less the 50 ms between attempts.
 */
import { type ChildProcess, fork } from "node:child_process";
import { Socket } from "node:net";
import * as path from "node:path";
import { AMQP_CONNECTION_START, AMQP_PROTOCOL_HEADER } from "../../../render/haproxyCfg";
import { sleep } from "../log";

const EVERY_MS = 50;
const ATTEMPT_TIMEOUT_MS = 1_000;
/** A handshake through the bridge takes a few ms; one slower than this was held up by the fault. */
const PROMPT_MS = 250;
/** Frame type 1 (method) + channel 0 + 4-byte size, then class and method ids. */
const FRAME_HEADER_BYTES = 7;
const CONNECTION_START = Buffer.from(AMQP_CONNECTION_START, "hex");
const HEADER = Buffer.from(AMQP_PROTOCOL_HEADER, "hex");

export interface HandshakeMeasurement {
  readonly attempts: number;
  readonly failed: number;
  readonly longestOutageSeconds: number;
}

/** True when `reply` starts with a connection.start method frame on channel 0. */
export function isConnectionStart(reply: Buffer): boolean {
  return (
    reply.length >= FRAME_HEADER_BYTES + CONNECTION_START.length &&
    reply[0] === 1 &&
    reply.readUInt16BE(1) === 0 &&
    reply.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + CONNECTION_START.length).equals(CONNECTION_START)
  );
}

export class HandshakeProbe {
  private running = true;
  private attempts = 0;
  private failed = 0;
  private readonly prompt: number[] = [];
  private readonly started = Date.now();
  private stopped = 0;
  private readonly loop: Promise<void>;

  constructor(private readonly host: string, private readonly port = 5672) {
    this.loop = this.run();
  }

  async stop(): Promise<HandshakeMeasurement> {
    this.running = false;
    await this.loop;
    this.stopped = Date.now();
    return { attempts: this.attempts, failed: this.failed, longestOutageSeconds: Math.round(this.longestOutageMs()) / 1000 };
  }

  /** The largest gap between prompt successes (and from the start / to the end), less one interval. */
  private longestOutageMs(): number {
    const marks = [this.started, ...[...this.prompt].sort((a, b) => a - b)];
    if (this.prompt.length === 0 || this.failed > 0) marks.push(this.stopped);
    let longest = 0;
    for (let i = 1; i < marks.length; i++) longest = Math.max(longest, (marks[i] as number) - (marks[i - 1] as number) - EVERY_MS);
    return this.failed === 0 ? 0 : Math.max(0, longest);
  }

  private async run(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    while (this.running) {
      const startedAt = Date.now();
      const attempt = this.attempt().then((ok) => {
        this.attempts++;
        if (ok && Date.now() - startedAt <= PROMPT_MS) this.prompt.push(startedAt);
        else this.failed++;
      });
      inFlight.add(attempt);
      void attempt.finally(() => inFlight.delete(attempt));
      await sleep(EVERY_MS);
    }
    await Promise.all(inFlight);
  }

  private attempt(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = new Socket();
      let reply = Buffer.alloc(0);
      const done = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(ATTEMPT_TIMEOUT_MS, () => done(false));
      socket.once("connect", () => socket.write(HEADER));
      socket.on("data", (chunk: Buffer) => {
        reply = Buffer.concat([reply, chunk]);
        if (reply.length >= FRAME_HEADER_BYTES + CONNECTION_START.length) done(isConnectionStart(reply));
      });
      socket.once("close", () => done(false));
      socket.once("error", () => done(false));
      socket.connect(this.port, this.host);
    });
  }
}

/**
 * The probe the suite uses: a HandshakeProbe run in a child process (handshakeProbeProcess.ts),
 * so that its timing cannot be stretched by this process's own event-loop stalls. The child
 * runs the TypeScript entry through tsx's loader (whatever runs this process: tsx or vitest).
 * `ready` resolves once it probes.
 */
export class RemoteHandshakeProbe {
  private readonly child: ChildProcess;
  readonly ready: Promise<void>;

  constructor(host: string, port = 5672) {
    this.child = fork(path.join(__dirname, "handshakeProbeProcess.ts"), [host, String(port)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.ready = new Promise((resolve, reject) => {
      this.child.once("message", () => resolve());
      this.child.once("exit", (code) => reject(new Error(`the handshake probe process exited (${code}) before it started`)));
    });
  }

  async stop(): Promise<HandshakeMeasurement> {
    await this.ready;
    const measured = new Promise<HandshakeMeasurement>((resolve, reject) => {
      this.child.once("message", (m) => resolve(m as HandshakeMeasurement));
      this.child.once("exit", (code) => reject(new Error(`the handshake probe process exited (${code}) without its measurement`)));
    });
    this.child.send("stop");
    return measured;
  }
}
