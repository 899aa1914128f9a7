/**
 * One real RabbitMQ broker for the probe's tests: a labelled container on a network of its own,
 * ports published on 127.0.0.1 only, credentials delivered as a conf.d file (never in the
 * container's environment), removed afterwards. Images come from `npm run images`
 * (test/e2e/images); when one is absent the tests that need it skip and say so.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import Docker from "dockerode";
import { tarOf } from "../../../engine/providers/docker/uploads";

export const BROKER_IMAGES = ["rabbitmq-ha-test/rabbitmq:3.10-management", "rabbitmq-ha-test/rabbitmq:4.3-management"] as const;
const LABELS = { "rabbitmq-ha.test": "1" };
/** The official image's rabbitmq uid/gid, which the stand-in images keep. */
const RABBITMQ_ID = 999;

export interface TestBroker {
  readonly image: string;
  /** rabbit@<hostname>, as /api/nodes names it. */
  readonly nodeName: string;
  readonly amqpUrl: string;
  readonly managementUrl: string;
  readonly username: string;
  readonly password: string;
  /** Runs a command in the broker's container (e.g. rabbitmqctl); rejects on a non-zero exit. */
  exec(command: readonly string[]): Promise<string>;
  stop(): Promise<void>;
}

export const docker = new Docker();

/** Synchronous, so a test file can decide at collection time what to skip (the docker CLI asks the engine). */
export function imagePresent(image: string): boolean {
  return spawnSync("docker", ["image", "inspect", image], { stdio: "ignore" }).status === 0;
}

export async function startBroker(image: string): Promise<TestBroker> {
  const id = randomBytes(4).toString("hex");
  const hostname = `verify-broker-${id}`;
  const password = randomBytes(12).toString("base64url");
  const network = await docker.createNetwork({ Name: `rabbitmq-ha-verify-test-${id}`, Labels: LABELS });
  const ports = { "5672/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }], "15672/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }] };
  const container = await docker.createContainer({
    Image: image,
    name: hostname,
    Hostname: hostname,
    Labels: LABELS,
    ExposedPorts: { "5672/tcp": {}, "15672/tcp": {} },
    HostConfig: { NetworkMode: network.id, PortBindings: ports },
  });
  const stop = async () => {
    await container.remove({ force: true, v: true }).catch(() => undefined);
    await network.remove().catch(() => undefined);
  };
  try {
    const conf = `default_user = admin\ndefault_pass = ${password}\nloopback_users = none\n`;
    const file = { file: "/etc/rabbitmq/conf.d/90-verify-test.conf", content: Buffer.from(conf), mode: 0o600, uid: RABBITMQ_ID, gid: RABBITMQ_ID };
    await container.putArchive(await tarOf(file), { path: "/" });
    await container.start();
    const published = (await container.inspect()).NetworkSettings.Ports;
    const port = (name: string) => published[name]?.[0]?.HostPort ?? "";
    const broker = {
      image,
      nodeName: `rabbit@${hostname}`,
      amqpUrl: `amqp://127.0.0.1:${port("5672/tcp")}`,
      managementUrl: `http://127.0.0.1:${port("15672/tcp")}`,
      username: "admin",
      password,
      exec: (command: readonly string[]) => execIn(container, command),
      stop,
    };
    await waitUntilReady(broker);
    return broker;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The management API answers only once the node has booted and applied its definitions. */
async function waitUntilReady(broker: TestBroker, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await managementRequest(broker, "GET", "/api/overview").catch(() => undefined);
    if (answer?.ok === true) return;
    await sleep(500);
  }
  throw new Error(`${broker.image} did not become ready within ${timeoutMs} ms`);
}

/** A management API call as the admin, for setting the scene and for looking afterwards. */
export function managementRequest(broker: TestBroker, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${broker.managementUrl}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${broker.username}:${broker.password}`).toString("base64")}`,
      "content-type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function managementJson<T>(broker: TestBroker, path: string): Promise<T> {
  const response = await managementRequest(broker, "GET", path);
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function execIn(container: Docker.Container, command: readonly string[]): Promise<string> {
  const exec = await container.exec({ Cmd: [...command], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  await new Promise((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  // The multiplexed stream prefixes each frame with 8 header bytes; strip them for the text.
  const text = demultiplex(Buffer.concat(chunks));
  const { ExitCode } = await exec.inspect();
  if (ExitCode !== 0) throw new Error(`${command.join(" ")}: exit ${ExitCode}: ${text.trim()}`);
  return text;
}

function demultiplex(buffer: Buffer): string {
  let text = "";
  for (let offset = 0; offset + 8 <= buffer.length; ) {
    const size = buffer.readUInt32BE(offset + 4);
    text += buffer.subarray(offset + 8, offset + 8 + size).toString("utf8");
    offset += 8 + size;
  }
  return text;
}
