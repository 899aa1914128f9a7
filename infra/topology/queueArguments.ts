/**
 * A queue's declare-time arguments, as RabbitMQ spells them. Sent through the provider's
 * `argumentsJson` so numbers stay numbers: its plain `arguments` map sends every value as a
 * string, and the broker refuses `x-message-ttl: "600000"` (PRECONDITION_FAILED).
 * Every argument forces replacement of the queue (docs/destructive-changes.md).
 */
import type { QueueSpec } from "../../model/types";

export type QueueArgumentValue = string | number | boolean;

export function queueArguments(q: QueueSpec): Record<string, QueueArgumentValue> {
  const args: Record<string, QueueArgumentValue | undefined> = {
    // Always explicit: otherwise the vhost's or node's default queue type decides.
    "x-queue-type": q.type,
    "x-dead-letter-exchange": q.deadLetter?.exchange,
    "x-dead-letter-routing-key": q.deadLetter?.routingKey,
    "x-message-ttl": q.messageTtlMs,
    "x-max-length": q.maxLength,
    "x-max-length-bytes": q.maxLengthBytes,
    "x-overflow": q.overflow,
    // Only when on: `false` is the broker's default and would be one more argument to match.
    "x-single-active-consumer": q.singleActiveConsumer ? true : undefined,
    "x-delivery-limit": q.deliveryLimit,
    "x-quorum-initial-group-size": q.initialGroupSize,
  };
  return Object.fromEntries(Object.entries(args).filter((e): e is [string, QueueArgumentValue] => e[1] !== undefined));
}
