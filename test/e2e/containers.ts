/**
 * Running containers of a deployment: commands inside them (docker exec) and their state.
 */
import type Docker from "dockerode";
import { type ContainerState, demuxed, type ExecResult, execIn, stateOf, waitFor } from "../../ops/docker";

export { type ContainerState, demuxed, type ExecResult, execIn, stateOf, waitFor };

export function waitHealthyAgain(docker: Docker, container: string, timeoutMs = 90_000): Promise<true> {
  return waitFor(`${container} to be healthy`, timeoutMs, async () => {
    const state = await stateOf(docker, container);
    return state.running && (state.health === undefined || state.health === "healthy");
  });
}
