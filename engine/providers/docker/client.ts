/**
 * One Docker client per engine endpoint, as a docker.Provider's `host` names it.
 */
import Docker from "dockerode";

/** Every Docker object the suite creates carries these labels, so cleanup can find leftovers. */
export const TEST_LABEL_KEY = "rabbitmq-ha.test";
/** Which e2e stack made it: cleanup removes only its own stack's objects, never another run's. */
export const STACK_LABEL_KEY = "rabbitmq-ha.e2e-stack";

export function testLabelsFor(stack: string): Record<string, string> {
  return { [TEST_LABEL_KEY]: "1", [STACK_LABEL_KEY]: stack };
}

const DEFAULT_HOST = "unix:///var/run/docker.sock";
const clients = new Map<string, Docker>();

/** The endpoint a provider's inputs select: its `host`, else DOCKER_HOST, else the local socket. */
export function dockerHostOf(providerInputs: Readonly<Record<string, unknown>> | undefined): string {
  const host = providerInputs?.["host"];
  if (typeof host === "string" && host !== "") return host;
  return process.env["DOCKER_HOST"] ?? DEFAULT_HOST;
}

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
    default:
      throw new Error(`docker host ${host}: only unix:// and tcp:// endpoints are supported by the e2e applier`);
  }
}
