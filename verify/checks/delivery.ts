/**
 * The seed's core promise: a persistent message the broker confirmed is delivered, intact, to a
 * consumer that acknowledges it. Publishes `messageCount` marked messages with publisher
 * confirms into a probe queue of the given type, then consumes them with manual acks.
 */
import type { ConsumeMessage } from "amqplib";
import type { QueueType } from "../../model/types";
import { receiveOwn } from "../amqp/receive";
import { fail, pass, type Outcome } from "../check";
import { probeBody } from "../probe/identity";
import { withConfirmChannel, type ProbeContext } from "../probe/context";

export function deliveryCheck(context: ProbeContext, queueType: QueueType): Promise<Outcome> {
  const { identity, messageCount: count } = context;
  return withConfirmChannel(context, async (channel) => {
    const queue = await context.objects.queue(channel, `delivery-${queueType}`, queueType);
    // Through a probe exchange, not the default one: a given probe user needs no right on amq.default.
    const exchange = await context.objects.exchange(channel, `delivery-${queueType}-in`, "direct");
    await channel.bindQueue(queue, exchange, "probe");
    for (let seq = 1; seq <= count; seq++) {
      channel.publish(exchange, "probe", probeBody(identity.runId, seq), identity.publishOptions(seq));
    }
    // Rejects if the broker nacked any of them, when publishing is blocked, or after the timeout.
    await context.gate.confirmed(channel, context.timeoutMs);
    const { messages } = await receiveOwn(channel, identity, { queue, count, timeoutMs: context.timeoutMs });
    return judgeDelivery(identity.runId, count, messages);
  });
}

/** Compares what came back with what was confirmed: missing, damaged, duplicated, not persistent. */
export function judgeDelivery(runId: string, count: number, messages: readonly ConsumeMessage[]): Outcome {
  const seqOf = (message: ConsumeMessage) => Number(String(message.properties.messageId).slice(runId.length + 1));
  const seen = new Set(messages.map(seqOf));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((seq) => !seen.has(seq));
  const damaged = messages.filter((message) => !message.content.equals(probeBody(runId, seqOf(message))));
  const transient = messages.filter((message) => message.properties.deliveryMode !== 2);
  const problems = [
    missing.length > 0 ? `${missing.length} confirmed but not delivered (#${missing.slice(0, 5).join(", #")})` : "",
    damaged.length > 0 ? `${damaged.length} arrived with a different body` : "",
    messages.length > seen.size ? `${messages.length - seen.size} delivered twice` : "",
    transient.length > 0 ? `${transient.length} arrived without the persistent flag` : "",
  ].filter((problem) => problem !== "");
  if (problems.length > 0) return fail(`of ${count} confirmed: ${problems.join("; ")}`);
  return pass(`${count} persistent messages confirmed, consumed and acked`);
}
