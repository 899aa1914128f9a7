/**
 * Small AMQP steps the behaviour checks share: a mandatory, confirmed publish that reports
 * whether the broker returned the message, and fetching one specific message from a queue.
 */
import { randomUUID } from "node:crypto";
import type { ConfirmChannel, GetMessage, Message } from "amqplib";
import { sleep } from "../log";

export function probeId(what: string): string {
  return `e2e-${what}-${randomUUID()}`;
}

export interface Published {
  readonly returned: boolean;
  readonly replyText: string | undefined;
}

export function publishMandatory(
  channel: ConfirmChannel,
  exchange: string,
  routingKey: string,
  id: string,
  headers: Record<string, unknown> = {},
): Promise<Published> {
  let replyText: string | undefined;
  const onReturn = (message: Message): void => {
    // A basic.return carries reply-text (NO_ROUTE) in its fields.
    if (message.properties.messageId === id) replyText = String((message.fields as unknown as { replyText?: string }).replyText ?? "returned");
  };
  channel.on("return", onReturn);
  return new Promise<Published>((resolve, reject) => {
    channel.publish(exchange, routingKey, Buffer.from(id), { persistent: true, mandatory: true, messageId: id, headers }, (error) => {
      channel.off("return", onReturn);
      if (error) reject(new Error(`publish to ${exchange || "(default)"} [${routingKey}] was nacked`));
      else resolve({ returned: replyText !== undefined, replyText });
    });
  });
}

/**
 * Gets messages from `queue` until the one with `id` arrives, then acks it, rejects it
 * without requeue (which dead-letters it) or leaves it to the caller. Others are left unacked and return to the queue
 * when the channel closes.
 */
export async function fetchMessage(
  channel: ConfirmChannel,
  queue: string,
  id: string,
  timeoutMs: number,
  settle: "ack" | "reject" | "none" = "ack",
): Promise<GetMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const message = await channel.get(queue, { noAck: false });
    if (!message) {
      await sleep(100);
      continue;
    }
    if (message.properties.messageId === id) {
      if (settle === "ack") channel.ack(message);
      else if (settle === "reject") channel.reject(message, false);
      return message;
    }
  }
  throw new Error(`message ${id} did not reach ${queue} within ${timeoutMs / 1000}s`);
}
