/**
 * Where a message goes when it cannot go where it was sent: returned to a mandatory publisher,
 * caught by an alternate exchange, or dead-lettered after a consumer rejects it. All three run
 * on the probe's own exchanges and queues: a check on an application's alternate exchange would
 * put a probe message into that application's queue, and reading it back would mean consuming
 * (and disturbing) whatever the application has queued in front of it. That the application's
 * exchanges are wired to their alternate exchanges and dead-letter exchanges as declared is
 * checked read-only by the topology checks.
 */
import type { Message } from "amqplib";
import { receiveOwn } from "../amqp/receive";
import { fail, pass, type Outcome } from "../check";
import { probeBody } from "../probe/identity";
import { collectReturns, publishConfirmed, withConfirmChannel, type ProbeContext } from "../probe/context";

/** A mandatory message nothing can route comes back (basic.return) before its confirm. */
export function mandatoryReturnCheck(context: ProbeContext): Promise<Outcome> {
  const { identity } = context;
  return withConfirmChannel(context, async (channel) => {
    // A probe exchange with no binding at all: nothing can route what is published to it.
    const exchange = await context.objects.exchange(channel, "return", "direct");
    const returned = collectReturns(channel, identity);
    await publishConfirmed(context, channel, { exchange, routingKey: "no.binding", mandatory: true }, probeBody(identity.runId, 0));
    const [message] = returned;
    if (message === undefined) return fail("a mandatory message with no route was confirmed but never returned");
    const fields = message.fields as Message["fields"] & { replyCode?: number; replyText?: string };
    return pass(`returned with ${fields.replyCode ?? "?"} ${fields.replyText ?? ""}`.trimEnd());
  });
}

export function alternateExchangeCheck(context: ProbeContext): Promise<Outcome> {
  const { identity, objects } = context;
  return withConfirmChannel(context, async (channel) => {
    const alternate = await objects.exchange(channel, "ae", "fanout");
    const source = await objects.exchange(channel, "ae-source", "direct", alternate);
    const queue = await objects.queue(channel, "ae-queue", context.queueType);
    await channel.bindQueue(queue, alternate, "");
    const returned = collectReturns(channel, identity);
    // Mandatory as well: if the alternate exchange did not take it, the broker says so.
    await publishConfirmed(context, channel, { exchange: source, routingKey: "no.binding", mandatory: true }, probeBody(identity.runId, 0));
    if (returned.length > 0) return fail("the unroutable message was returned: the alternate exchange did not take it");
    const { messages } = await receiveOwn(channel, identity, { queue, count: 1, timeoutMs: context.timeoutMs });
    if (messages.length === 0) return fail(`the unroutable message did not reach the alternate exchange's queue within ${context.timeoutMs} ms`);
    return pass(`unroutable message on ae-source landed in ae-queue (${context.queueType}) through alternate exchange ae`);
  });
}

export function deadLetterCheck(context: ProbeContext): Promise<Outcome> {
  const { identity, objects, timeoutMs } = context;
  return withConfirmChannel(context, async (channel) => {
    const exchange = await objects.exchange(channel, "dlx", "fanout");
    const deadLetters = await objects.queue(channel, "dlq", context.queueType);
    await channel.bindQueue(deadLetters, exchange, "");
    const work = await objects.queue(channel, "dl-work", context.queueType, { "x-dead-letter-exchange": exchange });
    const entry = await objects.exchange(channel, "dl-in", "direct");
    await channel.bindQueue(work, entry, "work");
    await publishConfirmed(context, channel, { exchange: entry, routingKey: "work" }, probeBody(identity.runId, 0));
    const rejected = await receiveOwn(channel, identity, { queue: work, count: 1, timeoutMs, settle: "reject" });
    if (rejected.messages.length === 0) return fail(`the message did not reach dl-work within ${timeoutMs} ms`);
    const { messages } = await receiveOwn(channel, identity, { queue: deadLetters, count: 1, timeoutMs });
    const [dead] = messages;
    if (dead === undefined) return fail(`the rejected message did not reach the dead-letter queue within ${timeoutMs} ms`);
    const [death] = (dead.properties.headers?.["x-death"] ?? []) as { reason?: string; queue?: string }[];
    if (death?.reason !== "rejected" || death.queue !== work) {
      return fail(`dead-lettered without the expected x-death entry (reason ${death?.reason ?? "none"})`);
    }
    return pass(`rejected message reached dlq (${context.queueType}) with x-death reason rejected`);
  });
}
