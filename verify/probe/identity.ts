/**
 * How the probe recognises its own things: one run id, names under one prefix, and a header on
 * every message it publishes. Applications' objects never carry the prefix and their messages
 * never carry the header, so cleanup and consumers can tell the two apart.
 */
import { randomBytes } from "node:crypto";
import type { Message, Options } from "amqplib";

/** Every queue and exchange the probe declares starts with this (and nothing else may). */
export const PROBE_OBJECT_PREFIX = "rabbitmq-ha.verify.";
/** The temporary vhost and user share this prefix; a leftover one is safe to delete. */
export const PROBE_ACCOUNT_PREFIX = "rabbitmq-ha-verify-";
/** Header on every probe message; its value is the run id. */
export const PROBE_MARKER_HEADER = "x-rabbitmq-ha-verify";

export interface ProbeIdentity {
  readonly runId: string;
  /** Name of a probe object: prefix + run id + role, e.g. rabbitmq-ha.verify.m3k2-a1b2c3.dlq. */
  name(role: string): string;
  /** Publish options for message `seq`: persistent, marked, identifiable. */
  publishOptions(seq: number, extra?: Options.Publish): Options.Publish;
  /** This run's message (another run's or an application's message is not). */
  owns(message: Message): boolean;
}

export function newRunId(): string {
  return `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export function probeIdentity(runId: string = newRunId()): ProbeIdentity {
  return {
    runId,
    name: (role) => `${PROBE_OBJECT_PREFIX}${runId}.${role}`,
    publishOptions: (seq, extra = {}) => ({
      persistent: true,
      appId: "rabbitmq-ha-verify",
      messageId: `${runId}-${seq}`,
      contentType: "application/json",
      ...extra,
      headers: { ...(extra.headers as object | undefined), [PROBE_MARKER_HEADER]: runId },
    }),
    owns: (message) => message.properties.headers?.[PROBE_MARKER_HEADER] === runId,
  };
}

/** The body of probe message `seq`: enough to check it arrived intact. */
export function probeBody(runId: string, seq: number): Buffer {
  return Buffer.from(JSON.stringify({ probe: "rabbitmq-ha verify", runId, seq }));
}
