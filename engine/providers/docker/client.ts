/**
 * One Docker client per engine endpoint, as a docker.Provider's `host` names it.
 */
import { dockerClient, dockerHostOf as hostOf } from "../../../ops/docker";

/** Every Docker object the suite creates carries these labels, so cleanup can find leftovers. */
export const TEST_LABEL_KEY = "rabbitmq-ha.test";
/** Which e2e stack made it: cleanup removes only its own stack's objects, never another run's. */
export const STACK_LABEL_KEY = "rabbitmq-ha.e2e-stack";

export function testLabelsFor(stack: string): Record<string, string> {
  return { [TEST_LABEL_KEY]: "1", [STACK_LABEL_KEY]: stack };
}

/** The endpoint a provider's inputs select: its `host`, else DOCKER_HOST, else the local socket. */
export function dockerHostOf(providerInputs: Readonly<Record<string, unknown>> | undefined): string {
  const host = providerInputs?.["host"];
  return hostOf(typeof host === "string" ? host : undefined);
}

export { dockerClient };
