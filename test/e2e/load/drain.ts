/**
 * Consumes a queue to the end with manual acks and counts what arrived by message id, so a
 * scenario can tell lost messages (confirmed but never delivered) from duplicates.
 */
import { AmqpTarget, withConnection } from "./amqp";
import { sleep } from "../log";

export interface Delivered {
  /** message id -> times delivered, for ids with the scenario's prefix. */
  readonly counts: ReadonlyMap<string, number>;
  /** Messages without the prefix (left by something else). */
  readonly foreign: number;
}

const IDLE_MS = 1_500;

export function drainQueue(target: AmqpTarget, queue: string, idPrefix: string, timeoutMs = 120_000): Promise<Delivered> {
  return withConnection(target, async (connection) => {
    const channel = await connection.createChannel();
    await channel.prefetch(500);
    const counts = new Map<string, number>();
    let foreign = 0;
    let lastDelivery = Date.now();
    await channel.consume(queue, (message) => {
      if (!message) return;
      lastDelivery = Date.now();
      const id = String(message.properties.messageId ?? "");
      if (id.startsWith(`${idPrefix}-`)) counts.set(id, (counts.get(id) ?? 0) + 1);
      else foreign++;
      channel.ack(message);
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await sleep(250);
      if (Date.now() > deadline) throw new Error(`draining ${queue} did not finish within ${timeoutMs / 1000}s`);
      if (Date.now() - lastDelivery < IDLE_MS) continue;
      if ((await channel.checkQueue(queue)).messageCount === 0) break;
    }
    return { counts, foreign };
  });
}

export interface Accounting {
  readonly delivered: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly lostIds: readonly string[];
}

/** Lost: confirmed but never delivered. Duplicated: deliveries beyond the first of an id. */
export function account(confirmedIds: ReadonlySet<string>, delivered: Delivered): Accounting {
  const lostIds = [...confirmedIds].filter((id) => !delivered.counts.has(id));
  let duplicated = 0;
  for (const times of delivered.counts.values()) duplicated += times - 1;
  return { delivered: delivered.counts.size, lost: lostIds.length, duplicated, lostIds: lostIds.slice(0, 10) };
}
