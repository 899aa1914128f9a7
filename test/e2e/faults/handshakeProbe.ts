/**
 * Can a new client get an AMQP connection through the VIP? Every 50 ms, one new TCP connection
 * to VIP:5672 sends the AMQP 0-9-1 protocol header and must read back the start of a
 * connection.start frame (method frame, channel 0, class 10, method 10) within a second: that
 * answer comes from a broker node, so a load balancer that accepts and has no server to pass
 * the connection to counts as an outage. An outage runs from the first attempt that failed to
 * the end of the next one that succeeded.
 */
import { Socket } from "node:net";
import { AMQP_CONNECTION_START, AMQP_PROTOCOL_HEADER } from "../../../render/haproxyCfg";
import { sleep } from "../log";

const EVERY_MS = 50;
const ATTEMPT_TIMEOUT_MS = 1_000;
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
  private longestMs = 0;
  private outageStart: number | undefined;
  private readonly loop: Promise<void>;

  constructor(private readonly host: string, private readonly port = 5672) {
    this.loop = this.run();
  }

  async stop(): Promise<HandshakeMeasurement> {
    this.running = false;
    await this.loop;
    if (this.outageStart !== undefined) this.longestMs = Math.max(this.longestMs, Date.now() - this.outageStart);
    return { attempts: this.attempts, failed: this.failed, longestOutageSeconds: Math.round(this.longestMs) / 1000 };
  }

  private async run(): Promise<void> {
    while (this.running) {
      const startedAt = Date.now();
      const ok = await this.attempt();
      this.attempts++;
      if (!ok) {
        this.failed++;
        this.outageStart ??= startedAt;
      } else if (this.outageStart !== undefined) {
        this.longestMs = Math.max(this.longestMs, Date.now() - this.outageStart);
        this.outageStart = undefined;
      }
      await sleep(EVERY_MS);
    }
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
