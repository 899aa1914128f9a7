/**
 * What every message-level check gets: the probe's connection, identity and object registry,
 * and its limits. Each check works on its own channel, so a channel error in one (a refused
 * declare, a nacked publish) cannot spoil the next.
 */
import type { ChannelModel, ConfirmChannel, Message } from "amqplib";
import type { QueueType } from "../../model/types";
import { closeQuietly, openConfirmChannel } from "../amqp/connect";
import type { PublishGate } from "../amqp/gate";
import type { ProbeIdentity } from "./identity";
import type { ProbeObjects } from "./objects";

export interface ProbeContext {
  readonly connection: ChannelModel;
  readonly identity: ProbeIdentity;
  readonly objects: ProbeObjects;
  readonly timeoutMs: number;
  readonly messageCount: number;
  /** Queue type the routing checks (alternate exchange, dead letter) declare. */
  readonly queueType: QueueType;
  /** Whether publishing is blocked by a resource alarm; every confirm wait goes through it. */
  readonly gate: PublishGate;
}

export async function withConfirmChannel<T>(context: ProbeContext, body: (channel: ConfirmChannel) => Promise<T>): Promise<T> {
  const channel = await openConfirmChannel(context.connection);
  try {
    return await body(channel);
  } finally {
    await closeQuietly(channel);
  }
}

/** Collects this run's messages the broker returns (basic.return) on a channel. */
export function collectReturns(channel: ConfirmChannel, identity: ProbeIdentity): Message[] {
  const returned: Message[] = [];
  channel.on("return", (message: Message) => {
    if (identity.owns(message)) returned.push(message);
  });
  return returned;
}

/** Publishes one marked persistent message and waits for the broker's confirm (within the timeout, unless blocked). */
export async function publishConfirmed(
  context: ProbeContext,
  channel: ConfirmChannel,
  target: { readonly exchange: string; readonly routingKey: string; readonly mandatory?: boolean },
  body: Buffer,
): Promise<void> {
  channel.publish(target.exchange, target.routingKey, body, context.identity.publishOptions(0, { mandatory: target.mandatory ?? false }));
  await context.gate.confirmed(channel, context.timeoutMs);
}
