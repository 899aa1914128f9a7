/**
 * The cluster's bridge network, with a fixed subnet so every container keeps its address.
 * Bridge networks exist per engine, so there is one per Docker host (each engine numbers its
 * own). With several Docker hosts a bridge could never join containers across machines, so
 * there is none: containers use their machine's network (NetworkMode "host", model/types.ts).
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { NetworkSpec } from "../model/types";
import type { DockerHosts } from "./dockerHosts";
import { labelList } from "./labels";
import { PerHost } from "./perHost";

export interface ClusterNetworkArgs {
  readonly network: NetworkSpec;
  readonly hosts: DockerHosts;
}

export class ClusterNetwork extends pulumi.ComponentResource {
  public readonly spec: NetworkSpec;
  private readonly networks: PerHost<docker.Network>;

  constructor(name: string, args: ClusterNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:docker:ClusterNetwork", name, {}, opts);
    this.spec = args.network;
    const stack = pulumi.getStack();
    const bridgeHosts = args.network.mode === "bridge" ? args.hosts.names : [];
    this.networks = new PerHost("cluster network", bridgeHosts, (host) =>
      new docker.Network(
        `${name}-${host}`,
        {
          name: args.network.name,
          driver: "bridge",
          ipamConfigs: [{ subnet: args.network.subnet, gateway: args.network.gateway }],
          labels: labelList(stack, "network"),
        },
        // The name is fixed, so a replacement must delete the old network first.
        { parent: this, provider: args.hosts.providerFor(host), deleteBeforeReplace: true },
      ),
    );
    this.registerOutputs({ name: args.network.name });
  }

  /**
   * The network's name on a host, as an Output so containers depend on the network; undefined
   * with host networking (the container joins its machine's network).
   */
  nameOn(host: string): pulumi.Output<string> | undefined {
    return this.spec.mode === "host" ? undefined : this.networks.get(host).name;
  }
}
