/**
 * The provider's create tail: the container must be running right after start (must_run), and
 * with `wait: true` the create only returns once State.Health.Status is "healthy"; a container
 * without a healthcheck fails at once, as it does with the real provider.
 */
import type Docker from "dockerode";
import { demuxed } from "./demux";

const POLL_MS = 250;

export async function assertRunning(container: Docker.Container, where: string): Promise<void> {
  const info = await container.inspect();
  if (!info.State.Running) {
    throw new Error(`${where}: container exited right after start (exit code ${info.State.ExitCode})${await logTail(container)}`);
  }
}

export async function waitHealthy(container: Docker.Container, timeoutSeconds: number, where: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const info = await container.inspect();
    const health = info.State.Health?.Status;
    if (health === undefined) throw new Error(`${where}: wait is set but the container has no healthcheck`);
    if (health === "healthy") return (Date.now() - started) / 1000;
    if (!info.State.Running) {
      throw new Error(`${where}: container stopped while waiting for health (exit code ${info.State.ExitCode})${await logTail(container)}`);
    }
    if (Date.now() - started > timeoutSeconds * 1000) {
      const last = info.State.Health?.Log?.at(-1)?.Output?.trim() ?? "";
      throw new Error(`${where}: not healthy after ${timeoutSeconds}s (status ${health}; last check: ${last})${await logTail(container)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The last lines of the container's log, to make a failed start explain itself. */
export async function logTail(container: Docker.Container, lines = 15): Promise<string> {
  try {
    const raw = await container.logs({ stdout: true, stderr: true, tail: lines * 10, follow: false });
    // Erlang's multi-line supervisor PROGRESS REPORTs say nothing about why a node is not up.
    const text = demuxed(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)))
      .split("\n")
      .filter((line) => line.trim() !== "" && !/^(=PROGRESS REPORT|\s)/.test(line))
      .slice(-lines)
      .join("\n");
    return text ? `\n--- last log lines ---\n${text}` : "";
  } catch {
    return "";
  }
}
