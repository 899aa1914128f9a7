import type * as docker from "@pulumi/docker";
import type { PublishedPorts } from "../../model/types";
import { STATS_PORT } from "../../render/haproxyCfg";
import { AMQP_PORT, MANAGEMENT_PORT } from "../../render/rabbitmqConf";

/**
 * The image's own check (templates/loadbalancer/healthcheck.sh): HAProxy accepts AMQP on
 * 127.0.0.1 and Keepalived runs. Declared here too so `wait` does not depend on the image.
 */
export const LOADBALANCER_HEALTHCHECK: docker.types.input.ContainerHealthcheck = {
  tests: ["CMD", "/usr/local/bin/loadbalancer-healthcheck"],
  // No startInterval (refused below Docker API 1.44); Go-form durations (see nodeHealth.ts).
  startPeriod: "30s",
  interval: "2s",
  timeout: "3s",
  retries: 3,
};

/** HAProxy starts in well under a second; the rest is slack for a busy machine. */
export const LOADBALANCER_WAIT_TIMEOUT_SECONDS = 60;

/** Host ports for one load balancer's listeners, for hosts whose bridge is unreachable (Docker Desktop). */
export function publishedPorts(publish: PublishedPorts | undefined): docker.types.input.ContainerPort[] {
  if (publish === undefined) return [];
  const wanted: [internal: number, external: number | undefined][] = [
    [AMQP_PORT, publish.amqp],
    [MANAGEMENT_PORT, publish.management],
    [STATS_PORT, publish.stats],
  ];
  return wanted.flatMap(([internal, external]) =>
    external === undefined ? [] : [{ internal, external, ip: publish.bindAddress, protocol: "tcp" }],
  );
}
