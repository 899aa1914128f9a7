/**
 * A queue's declare-time arguments, as RabbitMQ spells them. Sent through the provider's
 * `argumentsJson` so numbers stay numbers: its plain `arguments` map sends every value as a
 * string, and the broker refuses `x-message-ttl: "600000"` (PRECONDITION_FAILED).
 * Every argument forces replacement of the queue (docs/destructive-changes.md), so only what a
 * policy cannot set is an argument: the type, single active consumer, the initial quorum size.
 * TTL, lengths, overflow, dead-lettering and the delivery limit are applied by the queue's
 * generated policy (model/derive/settingsPolicies.ts), except on queues that keep them as
 * arguments (`keepQueueArguments`, deployed before that change: docs/queue-settings.md).
 */
import type { QueueSpec } from "../../model/types";

export type QueueArgumentValue = string | number | boolean;

export function queueArguments(q: QueueSpec): Record<string, QueueArgumentValue> {
  const kept = q.settingsAsArguments === true;
  // The order is the one earlier releases sent (argumentsJson is compared as text): keep it.
  const args: Record<string, QueueArgumentValue | undefined> = {
    // Always explicit: otherwise the vhost's or node's default queue type decides.
    "x-queue-type": q.type,
    "x-dead-letter-exchange": kept ? q.deadLetter?.exchange : undefined,
    "x-dead-letter-routing-key": kept ? q.deadLetter?.routingKey : undefined,
    "x-message-ttl": kept ? q.messageTtlMs : undefined,
    "x-max-length": kept ? q.maxLength : undefined,
    "x-max-length-bytes": kept ? q.maxLengthBytes : undefined,
    "x-overflow": kept ? q.overflow : undefined,
    // Only when on: `false` is the broker's default and would be one more argument to match.
    "x-single-active-consumer": q.singleActiveConsumer ? true : undefined,
    "x-delivery-limit": kept ? q.deliveryLimit : undefined,
    "x-quorum-initial-group-size": q.initialGroupSize,
  };
  return Object.fromEntries(Object.entries(args).filter((e): e is [string, QueueArgumentValue] => e[1] !== undefined));
}
