/**
 * When a load balancer is ready to carry (or take over) the VIP: its HAProxy hands a new AMQP
 * client to a broker, and its Keepalived either holds the VIP as MASTER or runs as BACKUP
 * hearing one of `masters`' adverts (so it would take over at once on their priority-0 advert,
 * and it will not start an election of its own).
 */
import { waitFor } from "../docker";
import { answersAmqp } from "./amqpAnswer";
import type { LoadBalancerTarget } from "./target";
import { holdsVip } from "./vipHolder";
import { vrrpView } from "./vrrpState";

/** Why `lb` is not ready, or undefined when it is. */
export async function notReadyBecause(lb: LoadBalancerTarget, masters: readonly LoadBalancerTarget[], vip: string): Promise<string | undefined> {
  if (!(await answersAmqp(lb))) return `${lb.name}: its HAProxy hands no AMQP client to a broker`;
  const view = await vrrpView(lb);
  if (view === undefined) return `${lb.name}: Keepalived does not run or did not dump its state`;
  if (view.state === "MASTER") return (await holdsVip(lb, vip)) ? undefined : `${lb.name}: Keepalived is MASTER but ${vip} is not on its interface`;
  if (view.state !== "BACKUP") return `${lb.name}: Keepalived is ${view.state}`;
  const heard = masters.find((m) => m.address === view.masterRouter);
  if (heard) return undefined;
  const expected = masters.map((m) => `${m.name} (${m.address})`).join(" or ");
  return `${lb.name}: Keepalived is BACKUP but hears ${view.masterRouter ?? "no master"}, not ${expected}`;
}

/** Waits until `lb` is ready (see above); the error names what was still missing. */
export async function awaitReady(lb: LoadBalancerTarget, masters: readonly LoadBalancerTarget[], vip: string, timeoutMs: number): Promise<void> {
  await waitFor(`load balancer ${lb.name} to be ready`, timeoutMs, async () => {
    const why = await notReadyBecause(lb, masters, vip);
    if (why !== undefined) throw new Error(why);
    return true;
  }, 250);
}
