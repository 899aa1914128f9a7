/**
 * AMQP connections through the VIP. Credentials go in the object form, never in a URL, so a
 * generated password with URL-special characters needs no escaping (and is never logged).
 */
import amqp, { ChannelModel, Options } from "amqplib";

export interface AmqpTarget {
  readonly host: string;
  readonly port: number;
  readonly vhost: string;
  readonly username: string;
  readonly password: string;
}

/** Short heartbeats: a connection through a VIP that moved is noticed within seconds. */
export const HEARTBEAT_SECONDS = 2;
const CONNECT_TIMEOUT_MS = 3_000;

/** `name` shows as the connection's client-provided name in the management API. */
export function connect(target: AmqpTarget, heartbeat = HEARTBEAT_SECONDS, name?: string): Promise<ChannelModel> {
  const options: Options.Connect = {
    protocol: "amqp",
    hostname: target.host,
    port: target.port,
    vhost: target.vhost,
    username: target.username,
    password: target.password,
    heartbeat,
  };
  return amqp.connect(options, { timeout: CONNECT_TIMEOUT_MS, ...(name ? { clientProperties: { connection_name: name } } : {}) });
}

/** Runs `work` on a fresh connection and always closes it. */
export async function withConnection<T>(target: AmqpTarget, work: (connection: ChannelModel) => Promise<T>): Promise<T> {
  const connection = await connect(target);
  connection.on("error", () => undefined);
  try {
    return await work(connection);
  } finally {
    await connection.close().catch(() => undefined);
  }
}
