/**
 * A publisher that behaves like a careful application: persistent messages with unique ids,
 * mandatory, publisher confirms; when its connection drops (a VIP move, a node stop) it
 * reconnects and republishes everything not yet confirmed. A message counts as confirmed only
 * on a broker ack that was not preceded by a basic.return.
 */
import type { ChannelModel, ConfirmChannel } from "amqplib";
import { AmqpTarget, connect } from "./amqp";
import { sleep } from "../log";

export interface Route {
  readonly exchange: string;
  readonly routingKey: string;
}

export interface PublisherStats {
  readonly sent: number;
  readonly confirmed: number;
  readonly publishes: number;
  readonly reconnects: number;
  /** Longest time from noticing a lost connection to publishing again, in seconds. */
  readonly longestReconnectSeconds: number;
  readonly unconfirmed: number;
}

const TICK_MS = 10;
/** Publisher connections are named with this prefix, so a fault can find the node they are on. */
export const PUBLISHER_CONNECTION_PREFIX = "e2e-publisher ";
const RECONNECT_DELAY_MS = 100;

export class ConfirmedPublisher {
  readonly confirmedIds = new Set<string>();
  private readonly unconfirmed = new Map<string, Buffer>();
  private readonly inFlight = new Set<string>();
  private readonly toResend = new Set<string>();
  private readonly returned = new Set<string>();
  private connection: ChannelModel | undefined;
  private channel: ConfirmChannel | undefined;
  private seq = 0;
  private publishes = 0;
  private reconnects = 0;
  private longestReconnectMs = 0;
  private lostAt: number | undefined;
  private generating = true;
  private running = true;
  private blocked = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly target: AmqpTarget,
    private readonly route: Route,
    private readonly idPrefix: string,
    private readonly ratePerSecond: number,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  /** Stops making new messages, keeps republishing until all are confirmed or time runs out. */
  async finish(timeoutMs: number): Promise<PublisherStats> {
    this.generating = false;
    const deadline = Date.now() + timeoutMs;
    while (this.unconfirmed.size > 0 && Date.now() < deadline) await sleep(50);
    this.running = false;
    await this.loop;
    await this.connection?.close().catch(() => undefined);
    return this.stats();
  }

  stats(): PublisherStats {
    return {
      sent: this.seq,
      confirmed: this.confirmedIds.size,
      publishes: this.publishes,
      reconnects: this.reconnects,
      longestReconnectSeconds: this.longestReconnectMs / 1000,
      unconfirmed: this.unconfirmed.size,
    };
  }

  private async run(): Promise<void> {
    let last = Date.now();
    let budget = 0;
    while (this.running) {
      if (!this.channel) {
        await this.reconnect();
        last = Date.now();
        continue;
      }
      this.resendPending();
      const now = Date.now();
      budget += ((now - last) * this.ratePerSecond) / 1000;
      last = now;
      while (this.generating && budget >= 1 && this.channel && !this.blocked) {
        budget -= 1;
        const id = `${this.idPrefix}-${++this.seq}`;
        this.unconfirmed.set(id, Buffer.from(JSON.stringify({ id, at: now })));
        this.publish(id);
      }
      budget = Math.min(budget, this.ratePerSecond); // no burst after a stall
      await sleep(TICK_MS);
    }
  }

  private async reconnect(): Promise<void> {
    try {
      const connection = await connect(this.target, undefined, `${PUBLISHER_CONNECTION_PREFIX}${this.idPrefix}`);
      // At once: a reset while the channel opens (a thawed load balancer) must not crash the suite.
      connection.on("error", () => undefined);
      const channel = await connection.createConfirmChannel().catch(async (error: unknown) => {
        await connection.close().catch(() => undefined);
        throw error;
      });
      const lose = () => this.lose(channel);
      connection.on("close", lose);
      channel.on("error", () => undefined);
      channel.on("close", lose);
      channel.on("return", (message) => this.returned.add(String(message.properties.messageId)));
      channel.on("drain", () => (this.blocked = false));
      this.connection = connection;
      this.channel = channel;
      if (this.lostAt !== undefined) {
        this.reconnects++;
        this.longestReconnectMs = Math.max(this.longestReconnectMs, Date.now() - this.lostAt);
        this.lostAt = undefined;
      }
      for (const id of this.unconfirmed.keys()) if (!this.inFlight.has(id)) this.toResend.add(id);
    } catch {
      await sleep(RECONNECT_DELAY_MS);
    }
  }

  private lose(channel: ConfirmChannel): void {
    if (this.channel !== channel) return;
    this.channel = undefined;
    this.blocked = false;
    this.lostAt = Date.now();
    for (const id of this.inFlight) this.toResend.add(id);
    this.inFlight.clear();
  }

  private resendPending(): void {
    for (const id of this.toResend) {
      if (!this.channel || this.blocked) return;
      this.toResend.delete(id);
      if (this.unconfirmed.has(id) && !this.inFlight.has(id)) this.publish(id);
    }
  }

  private publish(id: string): void {
    const channel = this.channel;
    const body = this.unconfirmed.get(id);
    if (!channel || !body) return;
    this.inFlight.add(id);
    this.publishes++;
    const options = { persistent: true, mandatory: true, messageId: id, contentType: "application/json" };
    try {
      const ok = channel.publish(this.route.exchange, this.route.routingKey, body, options, (error) => {
        // A failure reported by a channel already given up on was rescheduled by lose().
        if (!error || channel === this.channel) this.settle(id, !error);
      });
      if (!ok) this.blocked = true;
    } catch {
      this.settle(id, false);
    }
  }

  private settle(id: string, acked: boolean): void {
    this.inFlight.delete(id);
    const wasReturned = this.returned.delete(id);
    if (acked && !wasReturned) {
      this.unconfirmed.delete(id);
      this.confirmedIds.add(id);
    } else if (this.unconfirmed.has(id)) {
      this.toResend.add(id);
    }
  }
}
