/**
 * The replacement order from the running deployment: asks the load-balancer containers which
 * one holds the VIP (vipHolder.ts) and puts it last (replacementOrder.ts). Nothing running, an
 * engine that does not answer within the timeout, or no single holder: the config order.
 */
import { replacementOrder } from "./replacementOrder";
import type { LoadBalancerTarget } from "./target";
import { vipHolders } from "./vipHolder";

export async function currentReplacementOrder(lbs: readonly LoadBalancerTarget[], vip: string, timeoutMs = 15_000): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  // unref: a slow engine must not keep the program's process alive after it finished.
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), timeoutMs);
    timer.unref();
  });
  const holders = await Promise.race([vipHolders(lbs, vip), timeout]);
  clearTimeout(timer);
  return replacementOrder(lbs.map((lb) => lb.name), holders);
}
