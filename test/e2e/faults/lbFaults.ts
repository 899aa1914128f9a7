/**
 * Load-balancer faults. "MASTER" is whichever load balancer holds the VIP when the fault
 * starts: without preemption the VIP stays where the last failover put it.
 */
import type { Deployment } from "../deployment";
import { Fault } from "./fault";
import { otherLb, vipHolders, waitForSingleHolder } from "./vip";
import { recoverContainer, restartAndWaitHealthy, sigkillProcess, startAndWaitHealthy, stopContainer } from "./actions";
import { sleep } from "../log";
import { waitForMetricHolder } from "../metrics/scrape";

/** How long the VIP state metric may trail the kernel: a few 500 ms checks on a loaded host. */
const METRIC_LAG_TIMEOUT_MS = 10_000;

const FAILOVER_TIMEOUT_MS = 20_000;
/** A load-balancer fault moves the VIP in well under a second with 200 ms adverts; judged at 1 s. */
const LB_MAX_OUTAGE_SECONDS = 1;

/** After a recovery: exactly one holder, and still exactly one a few seconds later (no flapping). */
async function exactlyOneHolderSettled(deployment: Deployment): Promise<string> {
  await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS);
  await sleep(3_000);
  const holders = await vipHolders(deployment);
  if (holders.length !== 1) throw new Error(`${holders.length} load balancers hold the VIP: ${holders.map((h) => h.name).join(", ")}`);
  return holders[0]?.name ?? "";
}

function killFault(id: string, process: string): Fault {
  return {
    id,
    name: `SIGKILL ${process} on the VIP holder`,
    maxOutageSeconds: LB_MAX_OUTAGE_SECONDS,
    inject: async (deployment) => {
      const holder = await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS);
      const other = otherLb(deployment, holder);
      await sigkillProcess(deployment, holder.container, process);
      await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS, other);
      const how = await recoverContainer(deployment, holder.container);
      const finalHolder = await exactlyOneHolderSettled(deployment);
      return `VIP ${holder.name} -> ${other.name}; ${holder.name} ${how}; afterwards only ${finalHolder} holds the VIP`;
    },
  };
}

export const LB_FAULTS: readonly Fault[] = [
  {
    id: "keepalived-master-stop",
    name: "stop the Keepalived MASTER (docker stop)",
    maxOutageSeconds: LB_MAX_OUTAGE_SECONDS,
    inject: async (deployment) => {
      const holder = await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS);
      const other = otherLb(deployment, holder);
      // The VIP state metric follows the move (test/e2e/metrics/scrape.ts): before, the holder's
      // exporter says it holds the VIP; after, the other's does (the stopped one cannot answer).
      await waitForMetricHolder(deployment, holder, METRIC_LAG_TIMEOUT_MS);
      await stopContainer(deployment, holder.container);
      await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS, other);
      const metricLagMs = await waitForMetricHolder(deployment, other, METRIC_LAG_TIMEOUT_MS, true);
      await startAndWaitHealthy(deployment, holder.container);
      const settled = await exactlyOneHolderSettled(deployment);
      await waitForMetricHolder(deployment, deployment.lbs.find((lb) => lb.name === settled)!, METRIC_LAG_TIMEOUT_MS);
      return `VIP ${holder.name} -> ${other.name}; metrics named ${other.name} the holder ${metricLagMs} ms after the move; ${holder.name} back, ${settled} holds the VIP (metrics agree)`;
    },
  },
  killFault("keepalived-sigkill", "keepalived"),
  killFault("haproxy-sigkill", "haproxy"),
  {
    id: "lb-restart",
    name: "restart the BACKUP load balancer, then make it serve",
    maxOutageSeconds: LB_MAX_OUTAGE_SECONDS,
    inject: async (deployment) => {
      const holder = await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS);
      const standby = otherLb(deployment, holder);
      await restartAndWaitHealthy(deployment, standby.container);
      // Its Keepalived serves again if it takes the VIP when the holder goes away.
      await stopContainer(deployment, holder.container);
      await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS, standby);
      await startAndWaitHealthy(deployment, holder.container);
      return `${standby.name} restarted and took the VIP from ${holder.name}; now ${await exactlyOneHolderSettled(deployment)} holds it`;
    },
  },
];
