/**
 * Consuming with manual acknowledgements from one of the probe's own queues until this run's
 * messages are in or the deadline passes. Only probe queues are ever consumed from, so an
 * unmarked message there can only be a leftover of an earlier run: it is acked and counted.
 */
import type { Channel, ConsumeMessage } from "amqplib";
import type { ProbeIdentity } from "../probe/identity";

export type Settle = "ack" | "reject";

export interface Received {
  readonly messages: readonly ConsumeMessage[];
  /** Messages without this run's marker (another run's leftovers). */
  readonly foreign: number;
}

export interface ReceiveSpec {
  readonly queue: string;
  readonly count: number;
  readonly timeoutMs: number;
  /** What to do with each of this run's messages; default ack. reject = reject without requeue. */
  readonly settle?: Settle;
}

export function receiveOwn(channel: Channel, identity: ProbeIdentity, spec: ReceiveSpec): Promise<Received> {
  const messages: ConsumeMessage[] = [];
  let foreign = 0;
  let consumerTag: string | undefined;
  let done = false;
  return new Promise<Received>((resolve, reject) => {
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (consumerTag !== undefined) channel.cancel(consumerTag).catch(() => undefined);
      resolve({ messages, foreign });
    };
    const timer = setTimeout(finish, spec.timeoutMs);
    const onMessage = (message: ConsumeMessage | null) => {
      if (message === null) return finish(); // the broker cancelled the consumer (queue deleted)
      if (!identity.owns(message)) {
        foreign++;
        channel.ack(message);
        return;
      }
      messages.push(message);
      if (spec.settle === "reject") channel.reject(message, false);
      else channel.ack(message);
      if (messages.length >= spec.count) finish();
    };
    channel
      .prefetch(Math.max(1, spec.count))
      .then(() => channel.consume(spec.queue, onMessage, { noAck: false }))
      .then((reply) => {
        consumerTag = reply.consumerTag;
        // Every message may have arrived before consume-ok was handled.
        if (done) channel.cancel(reply.consumerTag).catch(() => undefined);
      })
      .catch((error: unknown) => {
        done = true;
        clearTimeout(timer);
        reject(error);
      });
  });
}
