/**
 * The probe's AMQP connection through the VIP. Retried a few times on network errors: with a
 * node just stopped, HAProxy may still hand a new connection to it until its health check marks
 * it down (a few seconds), and a real client would reconnect too. A refusal by the broker
 * (wrong password, no access to the vhost) is final.
 */
import { connect, type Channel, type ChannelModel, type ConfirmChannel } from "amqplib";
import { setTimeout as sleep } from "node:timers/promises";
import { describeError, isBrokerRefusal } from "../errors";
import { printable } from "../endpoint";

export interface AmqpTarget {
  /** amqp:// or amqps:// URL without credentials; its path (vhost) is ignored. */
  readonly url: URL;
  readonly username: string;
  readonly password: string;
  readonly vhost: string;
  readonly timeoutMs: number;
  /** The CA an amqps:// broker's certificate must chain to; its name is checked against the URL's host. */
  readonly ca?: string;
}

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 1000;

/** The longest connectAmqp can take: every attempt up to its timeout, and the pauses between. */
export function connectBudgetMs(timeoutMs: number): number {
  return ATTEMPTS * timeoutMs + (ATTEMPTS - 1) * RETRY_DELAY_MS;
}

export async function connectAmqp(target: AmqpTarget, connectionName: string): Promise<ChannelModel> {
  const secure = target.url.protocol === "amqps:";
  const options = {
    protocol: secure ? "amqps" : "amqp",
    hostname: target.url.hostname,
    port: target.url.port === "" ? (secure ? 5671 : 5672) : Number(target.url.port),
    username: target.username,
    password: target.password,
    vhost: target.vhost,
    // Short heartbeats so a connection cut by a VIP move is noticed within seconds.
    heartbeat: 10,
  };
  const socketOptions = {
    timeout: target.timeoutMs,
    clientProperties: { connection_name: connectionName },
    ...(secure && target.ca !== undefined ? { ca: [target.ca], servername: target.url.hostname } : {}),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const connection = await connect(options, socketOptions);
      // An 'error' event without a listener would crash the process; checks see failures through their channels.
      connection.on("error", () => undefined);
      return connection;
    } catch (error) {
      if (isBrokerRefusal(error) || attempt >= ATTEMPTS) {
        throw new Error(`AMQP ${printable(target.url)} as "${target.username}": ${describeError(error)}`);
      }
      await sleep(RETRY_DELAY_MS);
    }
  }
}

/** A channel whose errors reject the operation that caused them instead of crashing the process. */
export async function openChannel(connection: ChannelModel): Promise<Channel> {
  const channel = await connection.createChannel();
  channel.on("error", () => undefined);
  return channel;
}

export async function openConfirmChannel(connection: ChannelModel): Promise<ConfirmChannel> {
  const channel = await connection.createConfirmChannel();
  channel.on("error", () => undefined);
  return channel;
}

/** How long closing a channel or connection may take; a blocked connection never answers. */
export const CLOSE_WITHIN_MS = 2000;

/** `work` or nothing after `ms`: for closing, where no answer means give up, not fail. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true, () => true), gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes a channel that may already be closed (a failed check's channel often is), giving up
 * after CLOSE_WITHIN_MS: during a resource alarm the broker does not read the close.
 */
export async function closeQuietly(channel: Channel): Promise<void> {
  await within(channel.close(), CLOSE_WITHIN_MS);
}

/**
 * Closes a connection (already closed, say by a VIP move, is as good as closed); when the
 * broker does not answer within CLOSE_WITHIN_MS (it stops reading a blocked connection) the
 * socket is destroyed, so nothing keeps the process alive.
 */
export async function closeConnection(connection: ChannelModel): Promise<void> {
  if (await within(connection.close(), CLOSE_WITHIN_MS)) return;
  (connection as unknown as { connection?: { stream?: { destroy?: () => void } } }).connection?.stream?.destroy?.();
}
