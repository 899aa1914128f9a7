/**
 * One RabbitMQ node: its data volume and its container. The container starts with its rendered
 * files already in place (cookie, rabbitmq.conf, admin, plugins), a fixed hostname and address,
 * and every peer in /etc/hosts, so it resolves the others before any DNS answers.
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterNodeSpec, ClusterSpec } from "../../model/types";
import { discoveryRetries } from "../../render/clusterSeed";
import { erlangNodeName } from "../../render/format";
import { type NodeSecrets, nodeFiles } from "../../render/nodeFiles";
import { dockerObjectName, labelList } from "../labels";
import { uploadsOf } from "../uploads";
import { NODE_HEALTHCHECK, nodeWaitTimeoutSeconds } from "./nodeHealth";

export interface ClusterNodeArgs {
  readonly cluster: ClusterSpec;
  readonly node: ClusterNodeSpec;
  readonly stack: string;
  /** Image id on the node's Docker host (a RemoteImage output, so the image exists first). */
  readonly image: pulumi.Input<string>;
  readonly networkName: pulumi.Input<string>;
  readonly provider: docker.Provider;
  readonly secrets: pulumi.Output<NodeSecrets>;
  /** The seed node's container, for every other node: it must be healthy before they boot. */
  readonly after?: docker.Container;
}

export class ClusterNode extends pulumi.ComponentResource {
  public readonly container: docker.Container;

  constructor(name: string, args: ClusterNodeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:cluster:ClusterNode", name, {}, opts);
    const { cluster, node, stack } = args;
    const childOpts = { parent: this, provider: args.provider };

    // Named, so the node's data (its cluster membership, its messages) outlives a container
    // replacement: a config change restarts the broker, it does not reset it.
    const data = new docker.Volume(
      `${name}-data`,
      { name: dockerObjectName(stack, `${node.hostname}-data`), labels: labelList(stack, "node-data") },
      childOpts,
    );

    this.container = new docker.Container(
      `${name}-container`,
      {
        name: dockerObjectName(stack, node.hostname),
        image: args.image,
        hostname: node.hostname,
        networksAdvanced: [{ name: args.networkName, ipv4Address: node.address, aliases: [node.hostname] }],
        hosts: cluster.nodes.filter((n) => n.hostname !== node.hostname).map((n) => ({ host: n.hostname, ip: n.address })),
        volumes: [{ volumeName: data.name, containerPath: "/var/lib/rabbitmq" }],
        uploads: uploadsOf(nodeFiles(cluster, node, stack), args.secrets),
        restart: "unless-stopped",
        // Time for a clean shutdown (queues synced, Mnesia/Khepri closed) before SIGKILL.
        stopTimeout: 60,
        destroyGraceSeconds: 60,
        labels: [...labelList(stack, "node"), { label: "rabbitmq-ha.node", value: erlangNodeName(node.hostname) }],
        healthcheck: NODE_HEALTHCHECK,
        wait: true,
        waitTimeout: nodeWaitTimeoutSeconds(discoveryRetries(cluster, node)),
      },
      { ...childOpts, dependsOn: args.after ? [args.after] : [] },
    );

    this.registerOutputs({ container: this.container.id });
  }
}
