/**
 * The client both sides of the VIP benchmark run: one connection, one confirm channel,
 * persistent 64-byte messages into a quorum queue through the default exchange, at most
 * `window` unconfirmed at a time (waitForConfirms per window), a fixed message count.
 * Credentials go through the e2e suite's `connect` (object form, never a URL).
 */
import { connect, type AmqpTarget } from "../../test/e2e/load/amqp";

export interface PublishRun {
  /** The node that served the connection, when the caller could tell. */
  readonly node: string | undefined;
  readonly messages: number;
  readonly seconds: number;
  readonly perSecond: number;
}

const BODY = Buffer.alloc(64, "x");

/** `landedOn` runs once connected, before the clock starts: it names the serving node. */
export async function publishConfirmed(
  target: AmqpTarget,
  queue: string,
  messages: number,
  window: number,
  landedOn: () => Promise<string | undefined> = async () => undefined,
): Promise<PublishRun> {
  const connection = await connect(target);
  connection.on("error", () => undefined);
  try {
    const channel = await connection.createConfirmChannel();
    await channel.purgeQueue(queue); // every round starts with the same queue length
    const node = await landedOn();
    const start = performance.now();
    for (let sent = 0; sent < messages; ) {
      const batch = Math.min(window, messages - sent);
      for (let i = 0; i < batch; i++) channel.sendToQueue(queue, BODY, { persistent: true });
      sent += batch;
      await channel.waitForConfirms();
    }
    const seconds = (performance.now() - start) / 1000;
    await channel.purgeQueue(queue);
    await channel.close();
    return { node, messages, seconds, perSecond: messages / seconds };
  } finally {
    await connection.close().catch(() => undefined);
  }
}
