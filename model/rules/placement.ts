/**
 * Containers and the Docker hosts they run on: host names are unique, every `host` reference
 * exists, container hostnames are unique (they share the network's DNS), and HAProxy has at
 * least one node to send clients to.
 */
import type { ClusterSpec, DockerHost, LoadBalancerPairSpec } from "../types";
import type { Where } from "../locations";
import { error, inStack, type Finding, type RuleContext } from "./finding";

export function checkPlacement(hosts: readonly DockerHost[], cluster: ClusterSpec, pair: LoadBalancerPairSpec, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const hostNames = new Set<string>();
  hosts.forEach((host, i) => {
    if (hostNames.has(host.name)) findings.push(error(inStack(context, "hosts", i, "name"), `duplicate host "${host.name}" (host names are unique)`));
    hostNames.add(host.name);
  });
  const known = hosts.map((host) => host.name).join(", ");
  const containers: { name: string; host: string; owner: string; nameAt: Where; hostAt: Where }[] = [
    ...cluster.nodes.map((node, i) => ({
      name: node.hostname,
      host: node.host,
      owner: "node",
      nameAt: inStack(context, "cluster", "nodes", i, "hostname"),
      hostAt: inStack(context, "cluster", "nodes", i, "host"),
    })),
    ...pair.instances.map((lb, i) => ({
      name: lb.name,
      host: lb.host,
      owner: "load balancer",
      nameAt: inStack(context, "loadBalancers", "instances", i, "name"),
      hostAt: inStack(context, "loadBalancers", "instances", i, "host"),
    })),
  ];
  const seen = new Map<string, string>();
  for (const container of containers) {
    if (!hostNames.has(container.host)) {
      findings.push(error(container.hostAt, `host "${container.host}" is not declared in rabbitmq-ha:hosts (declared: ${known})`));
    }
    const holder = seen.get(container.name);
    if (holder) findings.push(error(container.nameAt, `hostname "${container.name}" is already used by a ${holder} (hostnames are unique on the network)`));
    else seen.set(container.name, container.owner);
  }
  if (!cluster.nodes.some((node) => node.servesClients)) {
    findings.push(error(inStack(context, "cluster", "nodes"), "no node has servesClients: true (HAProxy needs at least one node to send clients to)"));
  }
  return findings;
}
