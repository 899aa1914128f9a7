/**
 * A user consuming a queue with a retry rule publishes the messages it gives up on to that
 * queue's parking exchange (see retry.ts), so its grant in that vhost gains that exchange.
 * Nothing else is added: the moves to and from the retry queue are dead-lettering, which the
 * broker performs without checking the consumer's permissions.
 */
import type { QueueSpec, UserGrant, UserSpec } from "../types";
import { retryObjectNames } from "./retryNames";

/** `vhost` + queue name of every queue with a retry rule -> its parking exchange. */
function parkingExchangesByQueue(queues: readonly QueueSpec[]): Map<string, string> {
  const byQueue = new Map<string, string>();
  for (const q of queues) {
    if (q.retry) byQueue.set(queueKey(q.vhost, q.name), retryObjectNames(q.name).parkingExchange);
  }
  return byQueue;
}

function queueKey(vhost: string, queue: string): string {
  return JSON.stringify([vhost, queue]);
}

function withParkingWrites(grant: UserGrant, parking: Map<string, string>): UserGrant {
  const extra = grant.consumes
    .map((q) => parking.get(queueKey(grant.vhost, q)))
    .filter((x): x is string => x !== undefined && !grant.publishes.includes(x));
  if (extra.length === 0) return grant;
  return { ...grant, publishes: [...grant.publishes, ...new Set(extra)] };
}

export function grantParkingWrites(users: readonly UserSpec[], queues: readonly QueueSpec[]): UserSpec[] {
  const parking = parkingExchangesByQueue(queues);
  return users.map((u) => ({ ...u, grants: u.grants.map((g) => withParkingWrites(g, parking)) }));
}
