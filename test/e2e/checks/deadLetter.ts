/**
 * A message the consumer rejects (requeue=false) leaves its queue for the queue's dead-letter
 * exchange and arrives in the queue bound there with the dead-letter routing key.
 */
import type { QueueSpec, TopologySpec } from "../../../model/types";
import { Check, expect } from "./types";
import { adminAmqp } from "../deployment";
import { withConnection } from "../load/amqp";
import { fetchMessage, probeId, publishMandatory } from "./messaging";

interface DeadLetterRoute {
  readonly queue: QueueSpec;
  readonly deadLetterQueue: string;
}

/** A declared queue (not a retry expansion) whose dead letters reach a bound queue. */
export function findDeadLetterRoute(topology: TopologySpec): DeadLetterRoute | undefined {
  for (const queue of topology.queues) {
    if (!queue.deadLetter || queue.generatedFor || queue.retry) continue;
    const key = queue.deadLetter.routingKey ?? queue.name;
    const exchange = topology.exchanges.find((e) => e.vhost === queue.vhost && e.name === queue.deadLetter?.exchange);
    const binding = topology.bindings.find(
      (b) =>
        b.vhost === queue.vhost &&
        b.source === queue.deadLetter?.exchange &&
        b.destinationType === "queue" &&
        (exchange?.type === "fanout" || b.routingKey === key),
    );
    if (binding) return { queue, deadLetterQueue: binding.destination };
  }
  return undefined;
}

export const rejectedToDeadLetterQueue: Check = {
  name: "rejected message reaches the dead-letter queue",
  run: async (deployment) => {
    const route = findDeadLetterRoute(deployment.model.topology);
    expect(route !== undefined, "no declared queue dead-letters into a bound queue");
    const id = probeId("dead-letter");
    await withConnection(adminAmqp(deployment, route.queue.vhost), async (connection) => {
      const channel = await connection.createConfirmChannel();
      // Straight to the queue through the default exchange, as the check only cares about what happens after.
      const published = await publishMandatory(channel, "", route.queue.name, id);
      expect(!published.returned, `publishing to ${route.queue.name} was returned: ${published.replyText ?? ""}`);
      await fetchMessage(channel, route.queue.name, id, 5_000, "reject");
      const dead = await fetchMessage(channel, route.deadLetterQueue, id, 5_000);
      const reason = (dead.properties.headers?.["x-death"] as { reason?: string }[] | undefined)?.[0]?.reason;
      expect(reason === "rejected", `the dead letter's x-death reason is ${String(reason)}, want rejected`);
    });
    return `${route.queue.vhost}/${route.queue.name} -> ${route.queue.deadLetter?.exchange ?? ""} -> ${route.deadLetterQueue}`;
  },
};
