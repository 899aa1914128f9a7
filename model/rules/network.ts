/**
 * Addresses on the cluster network: the subnet is a network address; the gateway, every node,
 * every load balancer and the virtual IP lie inside it, are not its network or broadcast
 * address, and are all different (the VIP is nobody's own address).
 */
import type { ClusterSpec, LoadBalancerPairSpec, NetworkSpec } from "../types";
import { contains, formatIpv4, hasHostBits, parseCidr, parseIpv4, type Subnet } from "../net/ipv4";
import type { Where } from "../locations";
import { error, inStack, type Finding, type RuleContext } from "./finding";

interface Claim {
  readonly address: string;
  readonly owner: string;
  readonly where: Where;
}

export function checkNetwork(network: NetworkSpec, cluster: ClusterSpec, pair: LoadBalancerPairSpec, context: RuleContext): Finding[] {
  // Several hosts: no bridge network; the machines' LAN is checked by hostNetworking.ts.
  if (network.mode === "host") return [];
  const subnet = parseCidr(network.subnet);
  if (!subnet) return []; // the schema already reported it
  const findings: Finding[] = [];
  if (hasHostBits(subnet)) {
    findings.push(
      error(inStack(context, "network", "subnet"), `"${network.subnet}" has host bits set (the network address is ${formatIpv4(subnet.network)}/${subnet.prefix})`),
    );
  }
  const gateway: Claim = { address: network.gateway, owner: "the gateway", where: inStack(context, "network", "gateway") };
  const claims: Claim[] = [
    ...cluster.nodes.map((node, i) => ({ address: node.address, owner: `node "${node.hostname}"`, where: inStack(context, "cluster", "nodes", i, "address") })),
    ...pair.instances.map((lb, i) => ({ address: lb.address, owner: `load balancer "${lb.name}"`, where: inStack(context, "loadBalancers", "instances", i, "address") })),
    { address: pair.virtualIp, owner: "the virtual IP", where: inStack(context, "loadBalancers", "virtualIp") },
  ];
  const placement = (claim: Claim) => placementProblem(claim.address, subnet, network.subnet);
  const gatewayProblem = placement(gateway);
  if (gatewayProblem) findings.push(error(gateway.where, `gateway ${gatewayProblem}`));
  const taken = new Map<string, Claim>([[network.gateway, gateway]]);
  for (const claim of claims) {
    const problem = placement(claim);
    if (problem) {
      findings.push(error(claim.where, `${claim.owner} ${problem}`));
      continue;
    }
    const holder = taken.get(claim.address);
    if (holder) {
      findings.push(error(claim.where, `${claim.owner} ${claim.address} is already ${holder.owner}'s address (every address on the network is unique${claim.owner === "the virtual IP" ? "; the VIP must be a free address" : ""})`));
    } else taken.set(claim.address, claim);
  }
  return findings;
}

/** Why an address cannot be a host's in `cidr` (outside, network or broadcast address); undefined when it can. */
export function addressProblem(text: string, cidr: string): string | undefined {
  const subnet = parseCidr(cidr);
  return subnet && placementProblem(text, subnet, cidr);
}

function placementProblem(text: string, subnet: Subnet, cidr: string): string | undefined {
  const address = parseIpv4(text);
  if (address === undefined) return undefined; // the schema already reported it
  if (!contains(subnet, address)) return `${text} is outside the subnet ${cidr} (use an address from ${formatIpv4(subnet.network + 1)} to ${formatIpv4(subnet.broadcast - 1)})`;
  if (address === subnet.network) return `${text} is the network address of ${cidr} (not usable by a host)`;
  if (address === subnet.broadcast) return `${text} is the broadcast address of ${cidr} (not usable by a host)`;
  return undefined;
}
