/**
 * Whether publishing can work at all. During a memory or disk alarm the broker stops reading
 * from every publishing connection: a publish is never confirmed, and even closing a channel
 * waits for a reply that does not come. So the probe learns of an alarm two ways, before it
 * publishes (the alarms /api/nodes reports: mem_alarm, disk_free_alarm) and while it publishes
 * (amqplib's 'blocked' event, the broker's connection.blocked), and from then on every publishing
 * check fails at once instead of waiting out its budget.
 */
import type { ChannelModel, ConfirmChannel } from "amqplib";

export class PublishGate {
  private reason: string | undefined;
  private blockedConnection = false;
  private readonly listeners = new Set<(reason: string) => void>();

  /** Why publishing is blocked, or undefined while it is not (as far as the probe knows). */
  get blocked(): string | undefined {
    return this.reason;
  }

  /** The broker said connection.blocked: it reads nothing more from the connection, not even a close. */
  get connectionBlocked(): boolean {
    return this.blockedConnection;
  }

  block(reason: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    for (const listener of this.listeners) listener(reason);
  }

  /** Follows the broker's connection.blocked / connection.unblocked on `connection`. */
  watch(connection: ChannelModel): void {
    connection.on("blocked", (reason: unknown) => {
      this.blockedConnection = true;
      this.block(`the broker blocked the probe's connection: ${String(reason)}`);
    });
    connection.on("unblocked", () => {
      this.blockedConnection = false;
      this.reason = undefined;
    });
  }

  /**
   * Waits for the broker to confirm everything published on `channel`: rejects at once when
   * publishing is (or becomes) blocked, and after `timeoutMs` without the confirms.
   */
  confirmed(channel: ConfirmChannel, timeoutMs: number): Promise<void> {
    return this.bounded(channel.waitForConfirms(), timeoutMs, `no publisher confirm within ${timeoutMs} ms`);
  }

  /** `work`, unless publishing is blocked first or `timeoutMs` passes. */
  bounded<T>(work: Promise<T>, timeoutMs: number, onTimeout: string): Promise<T> {
    if (this.reason !== undefined) {
      work.catch(() => undefined);
      return Promise.reject(new Error(`publish blocked: ${this.reason}`));
    }
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(onBlocked);
      };
      const onBlocked = (reason: string) => {
        done();
        reject(new Error(`publish blocked: ${reason}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(onTimeout));
      }, timeoutMs);
      this.listeners.add(onBlocked);
      work.then(
        (value) => {
          done();
          resolve(value);
        },
        (error: unknown) => {
          done();
          reject(error);
        },
      );
    });
  }
}
