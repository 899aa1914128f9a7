/**
 * Leaving nothing behind: the probe's queues and exchanges (which also removes any probe message
 * still in them), its connection, then its temporary vhost and user. Runs even when checks
 * failed; every step is attempted and every error reported. In a temporary vhost the objects go
 * with the vhost (one call, and it works even if the AMQP connection was lost); in a given
 * vhost they are deleted one by one over AMQP.
 *
 * A connection the broker blocked (a resource alarm) answers nothing, not even a close: the
 * temporary vhost is deleted first over HTTP (the broker then drops the probe's connection with
 * it), closing is bounded (amqp/connect.ts), and in a given vhost the probe's objects are left
 * to expire (x-expires) rather than waited for.
 */
import type { ChannelModel } from "amqplib";
import { closeConnection, closeQuietly, openChannel } from "../amqp/connect";
import type { PublishGate } from "../amqp/gate";
import { fail, pass, type Outcome } from "../check";
import { describeError } from "../errors";
import type { HttpTarget } from "../http";
import { closeAccount, type ProbeAccount } from "./account";
import { PROBE_QUEUE_EXPIRES_MS, type ProbeObjects } from "./objects";

export async function cleanupProbe(
  api: HttpTarget,
  account: ProbeAccount,
  connection: ChannelModel | undefined,
  objects: ProbeObjects,
  gate?: PublishGate,
): Promise<Outcome> {
  const done: string[] = [];
  const errors: string[] = [];
  const step = async (what: string, action: () => Promise<string>) => {
    try {
      done.push(await action());
    } catch (error) {
      errors.push(`${what}: ${describeError(error)}`);
    }
  };
  if (account.temporary) {
    await step("deleting the temporary user and vhost", () => closeAccount(api, account));
    if (connection !== undefined) await closeConnection(connection);
    return summary(done, errors);
  }
  if (connection !== undefined && gate?.connectionBlocked === true) {
    errors.push(`probe objects left to expire within ${PROBE_QUEUE_EXPIRES_MS / 60_000} minutes: ${gate.blocked ?? "connection blocked"}`);
  } else if (connection !== undefined) {
    await step("deleting probe objects", async () => {
      const channel = await openChannel(connection);
      try {
        return `deleted ${await objects.removeAll(channel)} probe queues and exchanges`;
      } finally {
        await closeQuietly(channel);
      }
    });
  }
  if (connection !== undefined) await closeConnection(connection);
  await step("the given user", () => closeAccount(api, account));
  return summary(done, errors);
}

function summary(done: readonly string[], errors: readonly string[]): Outcome {
  if (errors.length > 0) return fail(`${errors.join("; ")} (done: ${done.join("; ") || "nothing"})`);
  return pass(done.join("; "));
}
