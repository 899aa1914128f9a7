import type * as docker from "@pulumi/docker";
import type { DiscoveryRetries } from "../../render/clusterSeed";
import { AMQP_PORT, MANAGEMENT_PORT } from "../../render/rabbitmqConf";
import { AMQPS_PORT, MANAGEMENT_TLS_PORT, type TlsSpec } from "../../model/tls/spec";
import { plainOpen } from "../../render/tlsConf";

/**
 * Healthy = the node accepts TCP on its AMQP and management ports. RabbitMQ opens them only
 * after it has booted and joined its cluster (and closes them when pause_minority pauses it).
 * A bash /dev/tcp probe costs a few milliseconds; `rabbitmq-diagnostics` would start an
 * Erlang VM (about a second of CPU) on every probe, on 2 cores shared by every node.
 */
const NODE_HEALTHCHECK_TIMING = {
  // No `startInterval`: the Docker client refuses it below API 1.44 (Docker 25), and engines
  // such as Debian bookworm's 20.10 are older. A probe costs milliseconds, so a short interval
  // throughout lets `wait` notice a booted node within two seconds.
  // Durations in Go's canonical form: the provider reads them back that way (`120s` would come
  // back as `2m0s` and show as a change on every later `pulumi up`).
  startPeriod: "2m0s",
  interval: "2s",
  timeout: "5s",
  retries: 3,
};

/**
 * The check at the address the node listens on: 127.0.0.1 on a bridge network; with host
 * networking its machine's LAN address (127.0.0.1:5672 is the load balancer's there). With plain
 * listeners closed (rabbitmq-ha:tls plainListeners: false) the TLS ports are probed instead.
 */
export function nodeHealthcheck(tls: TlsSpec, address = "127.0.0.1"): docker.types.input.ContainerHealthcheck {
  const [amqp, management] = plainOpen(tls) ? [AMQP_PORT, MANAGEMENT_PORT] : [AMQPS_PORT, MANAGEMENT_TLS_PORT];
  return { ...NODE_HEALTHCHECK_TIMING, tests: ["CMD", "bash", "-c", `exec 3<>/dev/tcp/${address}/${amqp} && exec 4<>/dev/tcp/${address}/${management}`] };
}

/**
 * How long `pulumi up` waits for a node to become healthy: first boot plus cluster formation
 * (discovery retries), with room for a slow, shared machine.
 */
export function nodeWaitTimeoutSeconds(retries: DiscoveryRetries): number {
  return 120 + Math.ceil((retries.limit * retries.intervalMs) / 1000);
}
