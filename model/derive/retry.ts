/**
 * The retry expansion: a queue's `retry: {intervalMs, maxAttempts}` (the seed's "resend every
 * 2 minutes, at most 3 times") becomes ordinary broker objects.
 *
 *   work queue Q --(consumer rejects, requeue=false: dead-letter, key = R)--> retry exchange RX
 *   RX --(binding key R)--> retry queue R   (x-message-ttl = interval)
 *   R --(TTL expired: dead-letter, key = Q)--> RX --(binding key Q)--> Q
 *   consumer, past maxAttempts --(publish)--> parking exchange PX (fanout) --> parking queue P
 *
 * Why R returns through RX and not through the exchange the message first came from: that
 * exchange may be a topic or fanout exchange with other queues bound to it, so re-publishing the
 * original routing key there would deliver the retried message to every other subscriber again
 * (duplicates downstream). RX is a direct exchange only this queue's objects are bound to, and
 * R dead-letters with the routing key Q, so a retried message reaches Q and nothing else. (The
 * default exchange would do the same, but "" is no exchange the model could name or check.)
 *
 * Contract for application authors (docs/retry.md):
 * - On failure, reject with requeue=false (Spring: throw AmqpRejectAndDontRequeueException):
 *   the broker moves the message to R, and back to Q after the interval.
 * - Attempts so far = the `count` of the `x-death` header entry whose `queue` is Q and whose
 *   `reason` is `rejected` (absent on the first delivery). When it is >= maxAttempts and the
 *   message fails again, publish it to PX (any routing key), then ack it. The user that consumes
 *   Q gets write permission on PX for exactly this.
 * - The original routing key is in `x-death[].routing-keys`; the delivery's own key is R or Q.
 */
import type { BindingSpec, ExchangeSpec, QueueSpec, RetrySpec } from "../types";
import { retryObjectNames } from "./retryNames";

/** The objects one work queue's retry rule expands into, the work queue itself rewired. */
export interface QueueRetryExpansion {
  readonly workQueue: QueueSpec;
  readonly exchanges: readonly ExchangeSpec[];
  readonly queues: readonly QueueSpec[];
  readonly bindings: readonly BindingSpec[];
}

export function expandQueueRetry(queue: QueueSpec, retry: RetrySpec): QueueRetryExpansion {
  const names = retryObjectNames(queue.name);
  const generated = { vhost: queue.vhost, origin: queue.origin, generatedFor: queue.name };
  const exchange = (name: string, type: ExchangeSpec["type"], description: string): ExchangeSpec => ({
    ...generated, name, type, durable: true, autoDelete: false, internal: false,
    alternateExchange: undefined, description,
  });
  const sideQueue = (name: string, fields: Partial<QueueSpec>): QueueSpec => ({
    ...generated, name, type: queue.type, durable: queue.durable, autoDelete: false,
    deadLetter: undefined, messageTtlMs: undefined, maxLength: undefined, maxLengthBytes: undefined,
    overflow: undefined, singleActiveConsumer: false, deliveryLimit: undefined,
    initialGroupSize: queue.initialGroupSize, retry: undefined, description: undefined, ...fields,
  });
  const binding = (source: string, destination: string, routingKey: string): BindingSpec => ({
    ...generated, source, destination, destinationType: "queue", routingKey, arguments: {},
  });
  return {
    // Retry owns Q's dead-lettering: a queue has one dead-letter target (validation refuses both).
    workQueue: { ...queue, deadLetter: { exchange: names.retryExchange, routingKey: names.retryQueue } },
    exchanges: [
      exchange(names.retryExchange, "direct", `Routes ${queue.name}'s rejected messages to wait and back.`),
      exchange(names.parkingExchange, "fanout", `Messages ${queue.name}'s consumer gave up on after ${retry.maxAttempts} attempts.`),
    ],
    queues: [
      sideQueue(names.retryQueue, {
        messageTtlMs: retry.intervalMs,
        deadLetter: { exchange: names.retryExchange, routingKey: queue.name },
        description: `Holds messages rejected by ${queue.name} for ${retry.intervalMs} ms, then returns them to it.`,
      }),
      sideQueue(names.parkingQueue, {
        description: `Parked messages of ${queue.name}, past ${retry.maxAttempts} attempts: inspect and replay.`,
      }),
    ],
    bindings: [
      binding(names.retryExchange, names.retryQueue, names.retryQueue),
      binding(names.retryExchange, queue.name, queue.name),
      binding(names.parkingExchange, names.parkingQueue, ""),
    ],
  };
}
