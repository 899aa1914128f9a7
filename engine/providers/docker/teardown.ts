/**
 * Removes everything one e2e stack created on an engine: containers (with their anonymous
 * volumes), then networks and volumes, found by the stack label, so leftovers of an aborted run
 * go too. Images stay: they are the suite's build cache. Only this stack's objects are touched;
 * other runs on the same engine carry other labels.
 */
import type Docker from "dockerode";
import { STACK_LABEL_KEY } from "./client";
import { removeNetwork } from "./network";

export interface Removed {
  readonly containers: number;
  readonly networks: number;
  readonly volumes: number;
}

export async function removeStackObjects(docker: Docker, stack: string): Promise<Removed> {
  const filters = JSON.stringify({ label: [`${STACK_LABEL_KEY}=${stack}`] });
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone)));
  const networks = await docker.listNetworks({ filters });
  for (const n of networks) await removeNetwork(docker.getNetwork(n.Id));
  const volumes = (await docker.listVolumes({ filters })).Volumes ?? [];
  for (const v of volumes) await docker.getVolume(v.Name).remove().catch(ignoreGone);
  return { containers: containers.length, networks: networks.length, volumes: volumes.length };
}

function ignoreGone(error: { statusCode?: number }): void {
  if (error.statusCode !== 404) throw error;
}
