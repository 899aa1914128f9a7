/**
 * Queue settings that only make sense together (RabbitMQ rejects or ignores the others):
 * quorum queues are durable and never auto-deleted; delivery limits and initial group sizes are
 * quorum-only; quorum queues have no reject-publish-dlx; retry brings its own dead-lettering and
 * needs a queue that outlives its consumers.
 */
import type { QueueSpec, TopologySpec } from "../types";
import { error, type Finding, type RuleContext } from "./finding";

type QueueRule = (queue: QueueSpec) => { field: string; message: string } | undefined;

const QUEUE_RULES: readonly QueueRule[] = [
  (queue) =>
    queue.type === "quorum" && !queue.durable
      ? { field: "durable", message: "durable: false on a quorum queue (quorum queues are always durable; remove durable or set it to true)" }
      : undefined,
  (queue) =>
    queue.type === "quorum" && queue.autoDelete
      ? { field: "autoDelete", message: "autoDelete: true on a quorum queue (quorum queues cannot be auto-deleted; use a classic queue)" }
      : undefined,
  (queue) =>
    queue.type !== "quorum" && queue.deliveryLimit !== undefined
      ? { field: "deliveryLimit", message: `deliveryLimit on ${queue.type} queue "${queue.name}" (quorum queues only; set type: quorum or remove it)` }
      : undefined,
  (queue) =>
    queue.type !== "quorum" && queue.initialGroupSize !== undefined
      ? { field: "initialGroupSize", message: `initialGroupSize on ${queue.type} queue "${queue.name}" (quorum queues only; set type: quorum or remove it)` }
      : undefined,
  (queue) =>
    queue.deliveryLimit === 0
      ? { field: "deliveryLimit", message: "deliveryLimit 0 (a positive number of deliveries, or -1 for unlimited on 4.x)" }
      : undefined,
  (queue) =>
    queue.type === "quorum" && queue.overflow === "reject-publish-dlx"
      ? { field: "overflow", message: 'overflow "reject-publish-dlx" on a quorum queue (quorum queues allow drop-head or reject-publish)' }
      : undefined,
  // The retry queue sends messages back through a binding to the work queue; an auto-delete work
  // queue disappears with its last consumer, taking that binding along, so every message waiting
  // in the retry queue is dead-lettered into nothing and lost.
  (queue) =>
    queue.retry && queue.autoDelete
      ? {
          field: "autoDelete",
          message: `autoDelete: true with retry on queue "${queue.name}" (when its last consumer goes the queue is deleted and the messages waiting in its retry queue are lost; set autoDelete: false or remove retry)`,
        }
      : undefined,
  (queue) =>
    queue.retry && queue.deadLetter
      ? { field: "retry", message: "retry and deadLetter are both set (retry dead-letters into its own retry queue; keep one of them)" }
      : undefined,
];

export function checkQueueFields(topology: TopologySpec, context: RuleContext): Finding[] {
  return topology.queues.flatMap((queue) =>
    QUEUE_RULES.map((rule) => rule(queue))
      .filter((problem) => problem !== undefined)
      .map((problem) => error(context.locations.of(queue, problem.field), problem.message)),
  );
}
