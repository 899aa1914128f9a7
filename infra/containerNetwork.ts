/**
 * Where a container's network comes from: its fixed address on the cluster's bridge network
 * (Docker's DNS answers its alias), or, with host networking (several Docker hosts), its
 * machine's own network: its address is then the machine's and names resolve through the
 * /etc/hosts entries the container gets (render/clusterPeers.ts).
 */
import type * as docker from "@pulumi/docker";
import type * as pulumi from "@pulumi/pulumi";

export function containerNetwork(
  bridgeName: pulumi.Input<string> | undefined,
  address: string,
  alias: string,
): Pick<docker.ContainerArgs, "networksAdvanced" | "networkMode"> {
  if (bridgeName === undefined) return { networkMode: "host" };
  return { networksAdvanced: [{ name: bridgeName, ipv4Address: address, aliases: [alias] }] };
}
