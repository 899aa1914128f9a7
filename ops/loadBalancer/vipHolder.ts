/**
 * Who holds the VIP right now: the load-balancer containers whose interfaces carry it
 * (`ip -o -4 addr` inside each, as the kernel sees it, not what Keepalived believes). Used by
 * the program to order replacements (the non-holder first), by the hand-over hook, and by
 * anything that must watch the VIP during a change (the end-to-end suite can reuse it).
 */
import { execIn } from "../docker";
import type { LoadBalancerTarget } from "./target";

/** True when `ip -o -4 addr` output lists `address` (any prefix length) on some interface. */
export function listsAddress(ipAddrOutput: string, address: string): boolean {
  return ipAddrOutput.split("\n").some((line) => {
    const match = /\binet ([0-9.]+)\//.exec(line);
    return match?.[1] === address;
  });
}

/**
 * Whether this container holds `vip`; undefined when that cannot be asked (container missing,
 * stopped, or its engine unreachable): such a container holds nothing a client could reach.
 */
export async function holdsVip(lb: LoadBalancerTarget, vip: string): Promise<boolean | undefined> {
  try {
    const { exitCode, output } = await execIn(lb.docker, lb.container, ["ip", "-o", "-4", "addr", "show"]);
    return exitCode === 0 ? listsAddress(output, vip) : undefined;
  } catch {
    return undefined;
  }
}

/** The names of the containers that hold `vip` (normally exactly one; two is a split brain). */
export async function vipHolders(lbs: readonly LoadBalancerTarget[], vip: string): Promise<string[]> {
  const held = await Promise.all(lbs.map((lb) => holdsVip(lb, vip)));
  return lbs.filter((_, i) => held[i] === true).map((lb) => lb.name);
}

/** The one holder of `vip`, or undefined when none or more than one hold it. */
export async function vipHolder(lbs: readonly LoadBalancerTarget[], vip: string): Promise<string | undefined> {
  const holders = await vipHolders(lbs, vip);
  return holders.length === 1 ? holders[0] : undefined;
}
