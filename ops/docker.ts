/**
 * Docker engine access for operations on a running deployment (resource hooks that gate a
 * rolling change, the offline engine's docker provider, the end-to-end suite): one client per
 * endpoint, `docker exec` with its exit code and output, container state, and polling.
 */
import Docker from "dockerode";

const DEFAULT_HOST = "unix:///var/run/docker.sock";
const clients = new Map<string, Docker>();

/** The endpoint a docker.Provider's `host` names: that, else DOCKER_HOST, else the local socket. */
export function dockerHostOf(host: string | undefined): string {
  if (host !== undefined && host !== "") return host;
  return process.env["DOCKER_HOST"] ?? DEFAULT_HOST;
}

/** One client per endpoint (unix://, tcp://, http://, ssh://user@host). */
export function dockerClient(host: string): Docker {
  const known = clients.get(host);
  if (known) return known;
  const client = new Docker(connectionOptions(host));
  clients.set(host, client);
  return client;
}

function connectionOptions(host: string): Docker.DockerOptions {
  const url = new URL(host);
  switch (url.protocol) {
    case "unix:":
      return { socketPath: url.pathname };
    case "tcp:":
    case "http:":
      return { host: url.hostname, port: Number(url.port || 2375), protocol: "http" };
    case "ssh:":
      return { host: url.hostname, port: Number(url.port || 22), protocol: "ssh", ...(url.username ? { username: url.username } : {}) };
    default:
      throw new Error(`docker host ${host}: only unix://, tcp://, http:// and ssh:// endpoints are supported`);
  }
}

/** Docker multiplexes stdout/stderr with 8-byte frame headers when there is no TTY. */
export function demuxed(buffer: Buffer): string {
  let text = "";
  let offset = 0;
  while (offset + 8 <= buffer.length && (buffer[offset] === 1 || buffer[offset] === 2)) {
    const size = buffer.readUInt32BE(offset + 4);
    text += buffer.subarray(offset + 8, offset + 8 + size).toString("utf8");
    offset += 8 + size;
  }
  return offset === 0 ? buffer.toString("utf8") : text;
}

export interface ExecResult {
  readonly exitCode: number;
  readonly output: string;
}

/** Runs `cmd` in a running container; stdout and stderr together, and the exit code. */
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

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` returns a truthy value; throws with `what` (and the last error) after the timeout. */
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
