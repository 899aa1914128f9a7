/**
 * Who holds the VIP: the running load-balancer containers whose interfaces carry it
 * (`ip addr` inside each, as an operator would look: ops/loadBalancer/vipHolder.ts, which the
 * program's hand-over hook uses too).
 */
import type { Deployment, LbHandle } from "../deployment";
import { execFileSync } from "node:child_process";
import { holdsVip, listsAddress } from "../../../ops/loadBalancer/vipHolder";
import { waitFor } from "../containers";
import { e2eStack } from "../stacks";
import { namespaceOf } from "../hosts/namespaces";

export async function vipHolders(deployment: Deployment): Promise<LbHandle[]> {
  const held = await Promise.all(deployment.lbs.map((lb) => holds(deployment, lb)));
  return deployment.lbs.filter((_, i) => held[i] === true);
}

/**
 * Inside the container, as an operator looks. With host networking the interface is the
 * machine's and outlives the container, so on the suite's namespace machines the machine itself
 * is asked: a VIP a dead load balancer left behind still counts as held.
 */
export async function holds(deployment: Deployment, lb: LbHandle): Promise<boolean | undefined> {
  if (e2eStack(deployment.stack).namespaceHosts) {
    return listsAddress(execFileSync("ip", ["-n", namespaceOf(lb.spec.host), "-o", "-4", "addr", "show"], { encoding: "utf8" }), deployment.vip);
  }
  return holdsVip({ name: lb.name, docker: deployment.dockerOf(lb.container), container: lb.container, address: lb.spec.address }, deployment.vip);
}

/** Waits until exactly one load balancer holds the VIP (optionally a given one) and returns it. */
export function waitForSingleHolder(deployment: Deployment, timeoutMs: number, expected?: LbHandle): Promise<LbHandle> {
  const what = expected ? `${expected.name} to be the only VIP holder` : "exactly one VIP holder";
  return waitFor(what, timeoutMs, async () => {
    const holders = await vipHolders(deployment);
    const only = holders.length === 1 ? holders[0] : undefined;
    return only && (!expected || only.name === expected.name) ? only : undefined;
  });
}

export function otherLb(deployment: Deployment, lb: LbHandle): LbHandle {
  const other = deployment.lbs.find((candidate) => candidate.name !== lb.name);
  if (!other) throw new Error("the stack has a single load balancer");
  return other;
}
