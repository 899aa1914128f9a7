/**
 * Measures VIP failover the way a client feels it: a new TCP connection to VIP:5672 every
 * 10 ms; an outage runs from the first attempt that failed or was slow to the next one that
 * connects. A connection on the bridge takes about a millisecond: one that needs more than
 * PROMPT_MS was held up by the move (a SYN lost while the VIP changed hands and retried), so
 * it opens an outage too, instead of hiding up to ATTEMPT_TIMEOUT_MS of it inside one attempt.
 *
 * With `handshake`, an attempt counts only when a broker answers the AMQP protocol header with
 * connection.start (a method frame, type 1): HAProxy accepts TCP while it has no backend, so a
 * bare connect would call a node outage "up".
 */
import { Socket } from "node:net";
import { sleep } from "../log";

const EVERY_MS = 10;
const ATTEMPT_TIMEOUT_MS = 300;
const PROMPT_MS = 50;
const AMQP_HEADER = Buffer.from("414d515000000901", "hex");
const HANDSHAKE_TIMEOUT_MS = 1_000;

export interface FailoverMeasurement {
  readonly attempts: number;
  readonly failed: number;
  readonly longestOutageSeconds: number;
}

export class FailoverProbe {
  private running = true;
  private attempts = 0;
  private failed = 0;
  private longestMs = 0;
  private outageStart: number | undefined;
  private readonly loop: Promise<void>;

  constructor(
    private readonly host: string,
    private readonly port = 5672,
    private readonly handshake = false,
  ) {
    this.loop = this.run();
  }

  async stop(): Promise<FailoverMeasurement> {
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
      } else {
        if (!this.handshake && Date.now() - startedAt > PROMPT_MS) this.outageStart ??= startedAt;
        if (this.outageStart !== undefined) {
          this.longestMs = Math.max(this.longestMs, Date.now() - this.outageStart);
          this.outageStart = undefined;
        }
      }
      await sleep(EVERY_MS);
    }
  }

  private attempt(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = new Socket();
      const done = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(this.handshake ? HANDSHAKE_TIMEOUT_MS : ATTEMPT_TIMEOUT_MS, () => done(false));
      if (this.handshake) {
        socket.once("connect", () => socket.write(AMQP_HEADER));
        socket.once("data", (data: Buffer) => done(data[0] === 1));
        socket.once("close", () => done(false));
      } else {
        socket.once("connect", () => done(true));
      }
      socket.once("error", () => done(false));
      socket.connect(this.port, this.host);
    });
  }
}
