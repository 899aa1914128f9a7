/**
 * Measures VIP failover the way a client feels it: a new TCP connection to VIP:5672 every
 * 10 ms; an outage runs from the first failed attempt to the next one that connects.
 */
import { Socket } from "node:net";
import { sleep } from "../log";

const EVERY_MS = 10;
const ATTEMPT_TIMEOUT_MS = 300;

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

  constructor(private readonly host: string, private readonly port = 5672) {
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
      const done = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(ATTEMPT_TIMEOUT_MS, () => done(false));
      socket.once("connect", () => done(true));
      socket.once("error", () => done(false));
      socket.connect(this.port, this.host);
    });
  }
}
