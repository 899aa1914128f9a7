/**
 * Running containers of a deployment: commands inside them (docker exec) and their state.
 */
import type Docker from "dockerode";
import { sleep } from "./log";
import { demuxed } from "../../engine/providers/docker/demux";

export { demuxed };

export interface ExecResult {
  readonly exitCode: number;
  readonly output: string;
}

export async function execIn(docker: Docker, container: string, cmd: readonly string[]): Promise<ExecResult> {
  const exec = await docker.getContainer(container).exec({ Cmd: [...cmd], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const info = await exec.inspect();
  return { exitCode: info.ExitCode ?? -1, output: demuxed(Buffer.concat(chunks)) };
}

export interface ContainerState {
  readonly running: boolean;
  readonly health: string | undefined;
}

export async function stateOf(docker: Docker, container: string): Promise<ContainerState> {
  const info = await docker.getContainer(container).inspect();
  return { running: info.State.Running, health: info.State.Health?.Status };
}

/** Polls until `done` returns a truthy value; throws with `what` after the timeout. */
export async function waitFor<T>(what: string, timeoutMs: number, done: () => Promise<T | undefined | false>, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  for (;;) {
    try {
      const value = await done();
      if (value) return value;
    } catch (error) {
      lastError = ` (last error: ${(error as Error).message})`;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${lastError}`);
    await sleep(everyMs);
  }
}

export function waitHealthyAgain(docker: Docker, container: string, timeoutMs = 90_000): Promise<true> {
  return waitFor(`${container} to be healthy`, timeoutMs, async () => {
    const state = await stateOf(docker, container);
    return state.running && (state.health === undefined || state.health === "healthy");
  });
}
