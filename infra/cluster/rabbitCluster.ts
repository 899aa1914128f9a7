/**
 * The RabbitMQ cluster: one ClusterNode per model node. The seed (first disc node) is created
 * first; every other node depends on the seed's container being healthy (`wait: true`), so the
 * rest join an existing cluster instead of racing to form their own.
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterSpec, NodeType } from "../../model/types";
import { seedFirst } from "../../render/clusterSeed";
import { erlangNodeName } from "../../render/format";
import type { NodeSecrets } from "../../render/nodeFiles";
import type { DockerHosts } from "../dockerHosts";
import type { ClusterNetwork } from "../network";
import { PerHost } from "../perHost";
import { ClusterNode } from "./clusterNode";

export interface RabbitClusterArgs {
  readonly cluster: ClusterSpec;
  readonly stack: string;
  readonly network: ClusterNetwork;
  readonly hosts: DockerHosts;
  readonly erlangCookie: pulumi.Output<string>;
  readonly adminPassword: pulumi.Output<string>;
}

export interface NodeInfo {
  readonly name: string;
  readonly hostname: string;
  readonly address: string;
  readonly type: NodeType;
}

export class RabbitCluster extends pulumi.ComponentResource {
  /** Every node container, healthy once created: depend on these before using the broker. */
  public readonly ready: pulumi.Resource[];
  public readonly nodes: pulumi.Output<NodeInfo[]>;

  constructor(name: string, args: RabbitClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:cluster:RabbitCluster", name, {}, opts);
    const { cluster, stack, hosts, network } = args;
    const secrets: pulumi.Output<NodeSecrets> = pulumi.secret(
      pulumi.all([args.erlangCookie, args.adminPassword]).apply(([erlangCookie, adminPassword]) => ({ erlangCookie, adminPassword })),
    );

    // Images are per engine: one lookup per host that runs a node. An image already on the
    // host is used as it is (never pulled again), and kept when the stack is destroyed.
    const images = new PerHost("RabbitMQ image", cluster.nodes.map((n) => n.host), (host) =>
      new docker.RemoteImage(`${name}-image-${host}`, { name: cluster.image, keepLocally: true }, { parent: this, provider: hosts.providerFor(host) }),
    );

    const { seed, others } = seedFirst(cluster.nodes);
    const declare = (node: typeof seed, after?: docker.Container): ClusterNode =>
      new ClusterNode(
        `${name}-${node.hostname}`,
        {
          cluster,
          node,
          stack,
          image: images.get(node.host).imageId,
          networkName: network.nameOn(node.host),
          provider: hosts.providerFor(node.host),
          secrets,
          ...(after ? { after } : {}),
        },
        { parent: this },
      );
    const seedNode = declare(seed);
    const otherNodes = others.map((n) => declare(n, seedNode.container));

    this.ready = [seedNode, ...otherNodes].map((n) => n.container);
    this.nodes = pulumi.output(
      cluster.nodes.map((n) => ({ name: erlangNodeName(n.hostname), hostname: n.hostname, address: n.address, type: n.type })),
    );
    this.registerOutputs({ nodes: this.nodes });
  }
}
