/**
 * Hands the VIP from a load balancer about to be deleted to a ready peer, before the deletion.
 *
 * Only the holder needs this (a BACKUP carries no client). It waits until a peer is ready to
 * take over (readiness.ts: HAProxy reaches a broker, Keepalived BACKUP hearing THIS holder), then
 * stops the holder with `docker stop`: SIGTERM to the image's supervisor
 * (templates/loadbalancer/entrypoint.sh), which stops Keepalived first, so it sends its
 * priority-0 advert and drops the VIP and the peer takes it after its skew time (RFC 5798
 * 6.4.2: (256 - priority) / 256 advert intervals), then lets HAProxy finish. It then checks that
 * the peer holds the VIP and serves. If the peer does not take over, the holder is started
 * again (it comes back as BACKUP or MASTER by election) and the update stops with why.
 * With no peer running at all (`destroy`: the peer is already gone) there is nobody to hand
 * the VIP to, and waiting could not change that: the holder is deleted as it is.
 */
import { stateOf, waitFor } from "../docker";
import { notReadyBecause } from "./readiness";
import type { LoadBalancerTarget } from "./target";
import { holdsVip } from "./vipHolder";
import { answersAmqp } from "./amqpAnswer";

export interface HandOverTimes {
  /** How long a peer may take to become ready before the hand-over is refused. */
  readonly peerReadyMs: number;
  /** `docker stop` grace: SIGKILL after this (the supervisor needs at most about 7 s). */
  readonly stopGraceSeconds: number;
  /** How long the peer may take to hold the VIP and serve once the holder stopped. */
  readonly takeOverMs: number;
}

/** Returns what it did, for the log. Throws (leaving the holder running) when no peer is ready. */
export async function handOver(holder: LoadBalancerTarget, peers: readonly LoadBalancerTarget[], vip: string, times: HandOverTimes): Promise<string> {
  if ((await holdsVip(holder, vip)) !== true) return `${holder.name} does not hold ${vip}: nothing to hand over`;
  const running = await Promise.all(peers.map((p) => stateOf(p.docker, p.container).then((s) => s.running, () => false)));
  const living = peers.filter((_, i) => running[i]);
  if (living.length === 0) return `${holder.name} holds ${vip} and no peer runs: nobody to hand it to`;
  const heir = await waitFor(`a peer ready to take ${vip} from ${holder.name} (it stays running)`, times.peerReadyMs, async () => {
    const reasons: string[] = [];
    for (const peer of living) {
      const why = await notReadyBecause(peer, [holder], vip);
      if (why === undefined) return peer;
      reasons.push(why);
    }
    throw new Error(reasons.join("; "));
  }, 500);
  const started = Date.now();
  const container = holder.docker.getContainer(holder.container);
  await container.stop({ t: times.stopGraceSeconds });
  try {
    await waitFor(`${heir.name} to hold ${vip} and serve`, times.takeOverMs, async () => (await holdsVip(heir, vip)) === true && (await answersAmqp(heir)), 100);
  } catch (error) {
    await container.start().catch(() => undefined);
    throw new Error(`${holder.name} stopped but ${heir.name} did not take over; ${holder.name} was started again: ${(error as Error).message}`);
  }
  return `${holder.name} handed ${vip} to ${heir.name} (stopped and taken over in ${((Date.now() - started) / 1000).toFixed(1)} s)`;
}
