/**
 * The containers placed on one Docker host must fit in its memory, where the stack says how much
 * the host has (`hosts[].memory`): their memory limits added up. A warning, not an error: limits
 * are ceilings, and an idle cluster fits; but under load the kernel's OOM killer, not RabbitMQ's
 * watermark, would then decide which broker dies.
 */
import { MIB } from "../limits";
import type { ClusterSpec, DockerHost, LoadBalancerPairSpec } from "../types";
import { inStack, warning, type Finding, type RuleContext } from "./finding";

const GIB = 1024 * MIB;
const shown = (bytes: number): string => (bytes % GIB === 0 ? `${bytes / GIB}GiB` : `${Math.round(bytes / MIB)}MiB`);

/** Memory limits (bytes) per host name, with the containers that ask for it. */
export function memoryAskedPerHost(cluster: ClusterSpec, pair: LoadBalancerPairSpec): Map<string, { bytes: number; containers: string[] }> {
  const asked = new Map<string, { bytes: number; containers: string[] }>();
  const add = (host: string, name: string, memoryMiB: number): void => {
    const entry = asked.get(host) ?? { bytes: 0, containers: [] };
    entry.bytes += memoryMiB * MIB;
    entry.containers.push(`${name} ${shown(memoryMiB * MIB)}`);
    asked.set(host, entry);
  };
  cluster.nodes.forEach((node) => add(node.host, node.hostname, node.limits.memoryMiB));
  pair.instances.forEach((lb) => add(lb.host, lb.name, pair.limits.memoryMiB));
  return asked;
}

export function checkHostMemory(hosts: readonly DockerHost[], cluster: ClusterSpec, pair: LoadBalancerPairSpec, context: RuleContext): Finding[] {
  const asked = memoryAskedPerHost(cluster, pair);
  return hosts.flatMap((host, i) => {
    const onHost = asked.get(host.name);
    if (host.memoryBytes === undefined || !onHost || onHost.bytes <= host.memoryBytes) return [];
    return [
      warning(
        inStack(context, "hosts", i, "memory"),
        `the containers on host "${host.name}" may use ${shown(onHost.bytes)} together (${onHost.containers.join(", ")}), more than its ${shown(host.memoryBytes)}: lower cluster.resources.memory / loadBalancers.resources.memory or place containers on another host`,
      ),
    ];
  });
}
