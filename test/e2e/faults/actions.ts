/**
 * The operations faults are made of: stop, start, restart, and SIGKILL of a process inside a
 * container, each followed by the wait that makes the next step meaningful.
 */
import type { Deployment } from "../deployment";
import { execIn, stateOf, waitFor, waitHealthyAgain } from "../containers";
import { sleep } from "../log";

/** docker stop: SIGTERM (the image's STOPSIGNAL), SIGKILL after the grace period. */
export async function stopContainer(deployment: Deployment, container: string): Promise<void> {
  await deployment.dockerOf(container).getContainer(container).stop({ t: 20 });
}

export async function startAndWaitHealthy(deployment: Deployment, container: string, timeoutMs?: number): Promise<void> {
  if (!(await stateOf(deployment.dockerOf(container), container)).running) await deployment.dockerOf(container).getContainer(container).start();
  await waitHealthyAgain(deployment.dockerOf(container), container, timeoutMs);
}

export async function restartAndWaitHealthy(deployment: Deployment, container: string): Promise<void> {
  await deployment.dockerOf(container).getContainer(container).restart({ t: 20 });
  await waitHealthyAgain(deployment.dockerOf(container), container);
}

/** kill -9 of every process with this exact name inside the container. */
export async function sigkillProcess(deployment: Deployment, container: string, process: string): Promise<void> {
  const result = await execIn(deployment.dockerOf(container), container, ["pkill", "-9", "-x", process]);
  if (result.exitCode !== 0) throw new Error(`pkill -9 -x ${process} in ${container} found nothing (exit ${result.exitCode})`);
}

/**
 * After a process died, its container either comes back through its restart policy or stays
 * down; either way it must end up running and healthy. Returns which of the two happened.
 */
export async function recoverContainer(deployment: Deployment, container: string): Promise<string> {
  await waitFor(`${container} to react to the kill`, 10_000, async () => {
    const info = await deployment.dockerOf(container).getContainer(container).inspect();
    return !info.State.Running || info.RestartCount > 0 || info.State.Health?.Status !== "healthy";
  }).catch(() => undefined);
  await sleep(3_000);
  const info = await deployment.dockerOf(container).getContainer(container).inspect();
  const how = info.State.Running ? `restarted by its restart policy (${info.RestartCount}x)` : "stopped; started again";
  await startAndWaitHealthy(deployment, container);
  return how;
}

/**
 * Best effort after a failed scenario, so the next one starts from a whole deployment: start
 * what is stopped, and restart once what stays unhealthy (a node stuck booting). The failure
 * itself is already recorded; this only keeps one failure from cascading into the rest.
 */
export async function restoreAll(deployment: Deployment): Promise<void> {
  for (const handle of [...deployment.nodes, ...deployment.lbs]) {
    const container = handle.container;
    const healthy = await startAndWaitHealthy(deployment, container, 30_000).then(() => true, () => false);
    if (!healthy) await restartAndWaitHealthy(deployment, container).catch(() => undefined);
  }
}
