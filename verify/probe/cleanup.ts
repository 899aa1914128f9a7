/**
 * Leaving nothing behind: the probe's queues and exchanges (which also removes any probe message
 * still in them), its connection, then its temporary vhost and user. Runs even when checks
 * failed; every step is attempted and every error reported. In a temporary vhost the objects go
 * with the vhost (one call, and it works even if the AMQP connection was lost); in a given
 * vhost they are deleted one by one over AMQP.
 */
import type { ChannelModel } from "amqplib";
import { closeQuietly, openChannel } from "../amqp/connect";
import { fail, pass, type Outcome } from "../check";
import { describeError } from "../errors";
import type { HttpTarget } from "../http";
import { closeAccount, type ProbeAccount } from "./account";
import type { ProbeObjects } from "./objects";

export async function cleanupProbe(
  api: HttpTarget,
  account: ProbeAccount,
  connection: ChannelModel | undefined,
  objects: ProbeObjects,
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
  if (connection !== undefined && !account.temporary) {
    await step("deleting probe objects", async () => {
      const channel = await openChannel(connection);
      try {
        return `deleted ${await objects.removeAll(channel)} probe queues and exchanges`;
      } finally {
        await closeQuietly(channel);
      }
    });
  }
  // Already closed (a VIP move cut it) is as good as closed.
  await connection?.close().catch(() => undefined);
  await step("deleting the temporary user and vhost", () => closeAccount(api, account));
  if (errors.length > 0) return fail(`${errors.join("; ")} (done: ${done.join("; ") || "nothing"})`);
  return pass(done.join("; "));
}
