/**
 * The retry pattern (model/derive/retry.ts), driven the way its contract tells applications to:
 * reject with requeue=false while attempts < maxAttempts, then publish to the parking exchange
 * and ack. Expected: the message comes back after each interval, maxAttempts + 1 deliveries in
 * all, and ends in the parking queue. Uses the queue with the shortest interval (the e2e topology
 * declares one of a few seconds).
 */
import type { GetMessage } from "amqplib";
import { retryObjectNames } from "../../../model/derive/retryNames";
import { Check, expect } from "./types";
import { adminAmqp } from "../deployment";
import { withConnection } from "../load/amqp";
import { fetchMessage, probeId, publishMandatory } from "./messaging";

const MAX_CHECKED_INTERVAL_MS = 15_000;

/** Rejections of this message by `queue` so far, from the x-death header. */
function rejectionsBy(message: GetMessage, queue: string): number {
  const deaths = (message.properties.headers?.["x-death"] ?? []) as { queue?: string; reason?: string; count?: number }[];
  return Number(deaths.find((d) => d.queue === queue && d.reason === "rejected")?.count ?? 0);
}

export const retryRedeliversThenParks: Check = {
  name: "retry pattern redelivers after its interval and parks after the limit",
  run: async (deployment) => {
    const candidates = deployment.model.topology.queues.filter((q) => q.retry && q.retry.intervalMs <= MAX_CHECKED_INTERVAL_MS);
    const queue = candidates.sort((a, b) => (a.retry?.intervalMs ?? 0) - (b.retry?.intervalMs ?? 0))[0];
    expect(queue?.retry !== undefined, `no declared queue has a retry interval of at most ${MAX_CHECKED_INTERVAL_MS / 1000}s`);
    const { intervalMs, maxAttempts } = queue.retry;
    const names = retryObjectNames(queue.name);
    const id = probeId("retry");
    const deliveredAt: number[] = [];
    await withConnection(adminAmqp(deployment, queue.vhost), async (connection) => {
      const channel = await connection.createConfirmChannel();
      await publishMandatory(channel, "", queue.name, id);
      for (;;) {
        const message = await fetchMessage(channel, queue.name, id, intervalMs * 3 + 5_000, "none");
        deliveredAt.push(Date.now());
        if (rejectionsBy(message, queue.name) < maxAttempts) {
          channel.reject(message, false);
          continue;
        }
        const parked = await publishMandatory(channel, names.parkingExchange, "", id);
        expect(!parked.returned, `publishing to ${names.parkingExchange} was returned: ${parked.replyText ?? ""}`);
        channel.ack(message);
        break;
      }
      await fetchMessage(channel, names.parkingQueue, id, 5_000);
    });
    const gaps = deliveredAt.slice(1).map((at, i) => at - (deliveredAt[i] ?? at));
    expect(deliveredAt.length === maxAttempts + 1, `delivered ${deliveredAt.length} times, want ${maxAttempts + 1}`);
    expect(gaps.every((gap) => gap >= intervalMs * 0.9), `redelivered after ${gaps.join(", ")} ms, before the ${intervalMs} ms interval`);
    return `${queue.name}: ${deliveredAt.length} deliveries ${gaps.map((g) => (g / 1000).toFixed(1)).join("s, ")}s apart, then parked in ${names.parkingQueue}`;
  },
};
