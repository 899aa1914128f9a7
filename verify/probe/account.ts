/**
 * Who the probe runs as, and where. By default a temporary vhost and a temporary user with
 * rights on that vhost only: nothing an application owns is reachable from the probe's
 * connection, and deleting the vhost removes every probe object with it (quorum queues too).
 * With an existing probe user (for operators who may not create users) the probe works in the
 * vhost that user was given and deletes its own objects one by one (probe/objects.ts).
 */
import { randomBytes } from "node:crypto";
import { describeError, VerifyAbort } from "../errors";
import type { HttpTarget } from "../http";
import { management } from "../management";
import type { ProbeUser } from "../types";
import { PROBE_ACCOUNT_PREFIX } from "./identity";

export interface ProbeAccount extends ProbeUser {
  /** The probe made this user and vhost and must delete them. */
  readonly temporary: boolean;
}

export async function openAccount(api: HttpTarget, runId: string, given: ProbeUser | undefined): Promise<ProbeAccount> {
  if (given !== undefined) return { ...given, temporary: false };
  const name = `${PROBE_ACCOUNT_PREFIX}${runId}`;
  const account: ProbeAccount = { username: name, vhost: name, password: randomBytes(18).toString("base64url"), temporary: true };
  try {
    await management.putVhost(api, account.vhost, "rabbitmq-ha verify probe: temporary, safe to delete");
    await management.putUser(api, account.username, account.password);
    await management.putPermissions(api, account.vhost, account.username);
    return account;
  } catch (error) {
    await closeAccount(api, account).catch(() => undefined);
    throw new VerifyAbort(
      `cannot create the probe's temporary user and vhost: ${describeError(error)} ` +
        "(needs an administrator; or pass --probe-user, --probe-password and --probe-vhost)",
    );
  }
}

/** Deletes a temporary account (the vhost first: it takes the probe's objects with it). */
export async function closeAccount(api: HttpTarget, account: ProbeAccount): Promise<string> {
  if (!account.temporary) return `kept the given user "${account.username}"`;
  await management.deleteVhost(api, account.vhost);
  await management.deleteUser(api, account.username);
  return `deleted temporary vhost and user ${account.vhost}`;
}
