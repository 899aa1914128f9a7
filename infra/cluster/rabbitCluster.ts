/**
 * The RabbitMQ cluster: one ClusterNode per model node, chained in rolling order (render/
 * clusterSeed.ts rollingOrder: the seed, then the others in the stack's order). Each node's
 * container depends on the previous one's, so:
 *  - on the first deploy the seed boots first and every other node joins an existing cluster
 *    (a RAM node that found no peer would boot alone as a disc node), one after another;
 *  - on a change that replaces node containers, the engine replaces them strictly one at a time:
 *    a container's registration waits until the previous one's replacement, including its
 *    afterCreate gate, has finished (pulumi/pulumi step_executor.go; dependsOn only orders, it
 *    never cascades a replacement). Each replacement is gated by the node hooks (nodeHooks.ts).
 *
 * The seed rolls first, not last: the order of a dependsOn chain is the same for creates and
 * replacements, and creates need the seed first. It is also safe: while the seed is replaced
 * every other node runs, so a 3.x RAM node always has the rest of the cluster to rejoin, and
 * the seed (on its data) rejoins the running members.
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterSpec, NodeType } from "../../model/types";
import { rollingOrder } from "../../render/clusterSeed";
import { erlangNodeName } from "../../render/format";
import type { NodeSecrets, NodeTlsMaterial } from "../../render/nodeFiles";
import type { TlsSpec } from "../../model/tls/spec";
import type { DockerHosts } from "../dockerHosts";
import type { ClusterNetwork } from "../network";
import { PerHost } from "../perHost";
import { ClusterNode, nodeContainerName } from "./clusterNode";
import { nodeHooks } from "./nodeHooks";

/** How long each gate condition may take (a quorum queue catching up, mirrors syncing) before the update stops. */
export const GATE_TIMEOUT_SECONDS = 180;

export interface RabbitClusterArgs {
  readonly cluster: ClusterSpec;
  readonly stack: string;
  readonly network: ClusterNetwork;
  readonly hosts: DockerHosts;
  readonly erlangCookie: pulumi.Output<string>;
  readonly adminPassword: pulumi.Output<string>;
  /** With rabbitmq-ha:tls on: the spec and each node's key, certificate and CA. */
  readonly tls?: { readonly spec: TlsSpec; readonly materialFor: (hostname: string) => pulumi.Output<NodeTlsMaterial> };
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

    const order = rollingOrder(cluster.nodes);
    const hooks = nodeHooks(name, {
      version: cluster.version,
      nodes: order.map((n) => ({ hostname: n.hostname, containerName: nodeContainerName(stack, n), dockerUrl: hosts.urlOf(n.host) })),
      gateTimeoutSeconds: GATE_TIMEOUT_SECONDS,
    });
    const tls = args.tls?.spec.enabled ? args.tls : undefined;
    const tlsSecrets = tls && ((hostname: string) => pulumi.secret(pulumi.all([secrets, tls.materialFor(hostname)]).apply(([s, m]) => ({ ...s, tls: m }))));
    const declared: ClusterNode[] = [];
    for (const node of order) {
      const previous = declared.at(-1);
      declared.push(
        new ClusterNode(
          `${name}-${node.hostname}`,
          {
            cluster,
            node,
            stack,
            image: images.get(node.host).imageId,
            networkName: network.nameOn(node.host),
            provider: hosts.providerFor(node.host),
            secrets: tlsSecrets ? tlsSecrets(node.hostname) : secrets,
            ...(tls ? { tls: tls.spec } : {}),
            hooks,
            ...(previous ? { after: previous.container } : {}),
          },
          { parent: this },
        ),
      );
    }

    this.ready = declared.map((n) => n.container);
    this.nodes = pulumi.output(
      cluster.nodes.map((n) => ({ name: erlangNodeName(n.hostname), hostname: n.hostname, address: n.address, type: n.type })),
    );
    this.registerOutputs({ nodes: this.nodes });
  }
}
