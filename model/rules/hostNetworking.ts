/**
 * A stack on several Docker hosts (NetworkMode "host"): every container uses its machine's
 * network, so what a bridge network gave for free must hold between the machines:
 *  - every host has its LAN address, inside `network.subnet` (the machines' LAN) and unique;
 *    a node's or load balancer's `address` is its host's address (it has no other);
 *  - the VIP lies on that LAN and is no machine's address; a load balancer's host names the
 *    interface the VIP goes on; nothing is published (host networking has no port mapping);
 *  - no two containers on one machine bind the same port (model/net/hostPorts.ts), which allows
 *    at most one node and one load balancer per machine;
 *  - plain tcp:// carries the Docker API unencrypted: refused without TLS files (certPath).
 * Warned: one machine carrying a majority of the nodes (its loss takes the quorum with it) or
 * both load balancers (its loss takes the VIP).
 */
import type { ClusterSpec, DockerHost, LoadBalancerPairSpec, NetworkSpec } from "../types";
import { bindingsClash, loadBalancerBindings, nodeBindings, type PortBinding } from "../net/hostPorts";
import { addressProblem as placementProblem } from "./network";
import { error, inStack, warning, type Finding, type RuleContext } from "./finding";
import type { Where } from "../locations";

interface Container {
  readonly owner: string;
  readonly host: string;
  readonly address: string;
  readonly addressAt: Where;
  readonly bindings: readonly PortBinding[];
}

export function checkHostNetworking(hosts: readonly DockerHost[], network: NetworkSpec, cluster: ClusterSpec, pair: LoadBalancerPairSpec, context: RuleContext): Finding[] {
  if (network.mode !== "host") return [];
  const findings: Finding[] = [];
  const hostAt = (i: number, field: string) => inStack(context, "hosts", i, field);
  const byName = new Map(hosts.map((host, i) => [host.name, { host, index: i }]));
  const addressOwner = new Map<string, string>();
  hosts.forEach((host, i) => {
    if (host.url.startsWith("tcp://") && host.certPath === undefined) {
      findings.push(error(hostAt(i, "url"), `${host.url} without certPath (a plain tcp:// Docker endpoint gives root on the machine to anyone on the LAN; set certPath to the directory of ca.pem, cert.pem and key.pem, or use ssh://)`));
    }
    if (host.certPath !== undefined && !host.url.startsWith("tcp://")) {
      findings.push(error(hostAt(i, "certPath"), `certPath with ${host.url} (TLS files apply to tcp:// endpoints only)`));
    }
    if (host.address === undefined) {
      findings.push(error(hostAt(i, "name"), `host "${host.name}" has no address (with ${hosts.length} hosts, containers use their machine's network: give every host its LAN address)`));
      return;
    }
    const problem = placementProblem(host.address, network.subnet);
    if (problem) findings.push(error(hostAt(i, "address"), `host "${host.name}" ${problem} (network.subnet is the machines' LAN with several hosts)`));
    const holder = addressOwner.get(host.address);
    if (holder) findings.push(error(hostAt(i, "address"), `${host.address} is already host "${holder}"'s address (every machine has its own)`));
    else addressOwner.set(host.address, host.name);
  });

  const vipAt = inStack(context, "loadBalancers", "virtualIp");
  const vipProblem = placementProblem(pair.virtualIp, network.subnet);
  if (vipProblem) findings.push(error(vipAt, `the virtual IP ${vipProblem} (it must be on the machines' LAN, network.subnet)`));
  const vipHolder = addressOwner.get(pair.virtualIp);
  if (vipHolder) findings.push(error(vipAt, `${pair.virtualIp} is host "${vipHolder}"'s address (the VIP must be a free address on the LAN)`));

  const containers: Container[] = [
    ...cluster.nodes.map((node, i) => ({
      owner: `node "${node.hostname}"`,
      host: node.host,
      address: node.address,
      addressAt: inStack(context, "cluster", "nodes", i, "address"),
      bindings: nodeBindings(node.address),
    })),
    ...pair.instances.map((lb, i) => ({
      owner: `load balancer "${lb.name}"`,
      host: lb.host,
      address: lb.address,
      addressAt: inStack(context, "loadBalancers", "instances", i, "address"),
      bindings: loadBalancerBindings(pair.virtualIp),
    })),
  ];
  const onHost = new Map<string, Container[]>();
  for (const container of containers) {
    const declared = byName.get(container.host);
    if (!declared) continue; // checkPlacement reports the undeclared host
    const { host } = declared;
    if (host.address !== undefined && container.address !== host.address) {
      findings.push(error(container.addressAt, `${container.owner} has ${container.address}, not its host "${host.name}"'s address ${host.address} (with host networking a container's address is its machine's)`));
    }
    const earlier = onHost.get(host.name) ?? [];
    for (const other of earlier) {
      const clash = container.bindings.find((mine) => other.bindings.some((theirs) => bindingsClash(mine, theirs)));
      if (clash) {
        findings.push(
          error(container.addressAt, `${container.owner} and ${other.owner} are both on host "${host.name}" and both need port ${clash.port} (${clash.what}) (with host networking a machine carries at most one node and one load balancer)`),
        );
        break;
      }
    }
    onHost.set(host.name, [...earlier, container]);
  }

  pair.instances.forEach((lb, i) => {
    const host = byName.get(lb.host)?.host;
    if (host && host.interface === undefined) {
      findings.push(error(hostAt(byName.get(lb.host)!.index, "name"), `host "${host.name}" carries load balancer "${lb.name}" but has no interface (name the LAN interface Keepalived puts the VIP on, e.g. eth0)`));
    }
    if (lb.publish) {
      findings.push(error(inStack(context, "loadBalancers", "instances", i, "publish"), `publish with several hosts (host networking maps no ports: clients reach the VIP ${pair.virtualIp} directly)`));
    }
  });

  findings.push(...concentrationWarnings(hosts, cluster, pair, context));
  return findings;
}

function concentrationWarnings(hosts: readonly DockerHost[], cluster: ClusterSpec, pair: LoadBalancerPairSpec, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  hosts.forEach((host, i) => {
    const nodes = cluster.nodes.filter((node) => node.host === host.name);
    if (cluster.nodes.length > 1 && nodes.length > cluster.nodes.length / 2) {
      findings.push(
        warning(inStack(context, "hosts", i, "name"), `host "${host.name}" carries ${nodes.length} of ${cluster.nodes.length} nodes (a majority: losing this machine loses the quorum; spread the nodes over the hosts)`),
      );
    }
    const lbs = pair.instances.filter((lb) => lb.host === host.name);
    if (pair.instances.length > 1 && lbs.length === pair.instances.length) {
      findings.push(warning(inStack(context, "hosts", i, "name"), `host "${host.name}" carries both load balancers (losing this machine loses the VIP; put them on two hosts)`));
    }
  });
  return findings;
}
