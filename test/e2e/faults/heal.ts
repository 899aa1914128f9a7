/**
 * After a fault is restored, the deployment must come back whole: every container running and
 * healthy, exactly one load balancer holding the VIP, every node a member of its type, every
 * quorum member online and every mirror synchronised.
 */
import type { Deployment } from "../deployment";
import { stateOf, waitFor } from "../containers";
import { membershipProblems } from "../checks/cluster";
import { replicaProblems } from "../checks/replicas";
import { vipHolders } from "./vip";

export async function healProblems(deployment: Deployment): Promise<string[]> {
  const problems: string[] = [];
  for (const container of [...deployment.nodes, ...deployment.lbs].map((handle) => handle.container)) {
    const state = await stateOf(deployment.dockerOf(container), container);
    if (!state.running || (state.health !== undefined && state.health !== "healthy")) {
      problems.push(`${container} ${state.running ? state.health ?? "" : "stopped"}`);
    }
  }
  const holders = await vipHolders(deployment);
  if (holders.length !== 1) problems.push(`${holders.length} load balancers hold the VIP (${holders.map((h) => h.name).join(", ")})`);
  if (problems.length > 0) return problems;
  return [...(await membershipProblems(deployment)), ...(await replicaProblems(deployment))];
}

/**
 * Seconds until healed; throws listing what is still wrong. Problems already present before
 * the fault (`baseline`, e.g. a queue that never got its policy) are reported by the post-deploy
 * checks; here they neither block healing nor get blamed on the fault.
 */
export async function waitHealed(deployment: Deployment, baseline: readonly string[], timeoutMs = 120_000): Promise<string> {
  const started = Date.now();
  let last: string[] = [];
  try {
    await waitFor("the deployment to heal", timeoutMs, async () => {
      last = (await healProblems(deployment)).filter((problem) => !baseline.includes(problem));
      return last.length === 0;
    }, 1_000);
  } catch {
    throw new Error(`not healed after ${timeoutMs / 1000}s: ${last.join("; ")}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return baseline.length === 0 ? `healed in ${seconds}s` : `healed in ${seconds}s (still as before the fault: ${baseline.join("; ")})`;
}
