/**
 * One RabbitMQ node: its data volume and its container. The container starts with its rendered
 * files already in place (cookie, rabbitmq.conf, admin, plugins, peer list), a fixed hostname and
 * address; peers on its own Docker network resolve through Docker's DNS (their alias), peers on
 * other Docker hosts through /etc/hosts entries.
 *
 * Every change to the container goes through the cluster's node hooks (nodeHooks.ts): gated and
 * drained before it goes, checked back in after it comes, and forgotten by the cluster when the
 * node leaves the stack. `after` chains the nodes so the engine replaces them one at a time.
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterNodeSpec, ClusterSpec } from "../../model/types";
import { peerHostEntries } from "../../render/clusterPeers";
import { discoveryRetries } from "../../render/clusterSeed";
import { erlangNodeName } from "../../render/format";
import { cpusInput } from "../../model/limits";
import { type NodeSecrets, nodeFiles, peerListUploadIndex } from "../../render/nodeFiles";
import { dockerObjectName, labelList } from "../labels";
import { uploadsOf } from "../uploads";
import { nodeHealthcheck, nodeWaitTimeoutSeconds } from "./nodeHealth";
import { TLS_OFF, type TlsSpec } from "../../model/tls/spec";
import { containerNetwork } from "../containerNetwork";
import type { NodeHooks } from "./nodeHooks";

export interface ClusterNodeArgs {
  readonly cluster: ClusterSpec;
  readonly node: ClusterNodeSpec;
  readonly stack: string;
  /** Image id on the node's Docker host (a RemoteImage output, so the image exists first). */
  readonly image: pulumi.Input<string>;
  /** The bridge network; undefined with host networking (several Docker hosts). */
  readonly networkName: pulumi.Input<string> | undefined;
  readonly provider: docker.Provider;
  readonly secrets: pulumi.Output<NodeSecrets>;
  /** rabbitmq-ha:tls; off when absent. */
  readonly tls?: TlsSpec;
  /** The previous node's container in rolling order (none for the seed): see rabbitCluster.ts. */
  readonly after?: docker.Container;
  readonly hooks: NodeHooks;
}

export function nodeContainerName(stack: string, node: ClusterNodeSpec): string {
  return dockerObjectName(stack, node.hostname);
}

export class ClusterNode extends pulumi.ComponentResource {
  public readonly container: docker.Container;

  constructor(name: string, args: ClusterNodeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:cluster:ClusterNode", name, {}, opts);
    const { cluster, node, stack, hooks } = args;
    const childOpts = { parent: this, provider: args.provider };

    // Named, so the node's data (its cluster membership, its messages) outlives a container
    // replacement: a config change restarts the broker, it does not reset it. Kept when the node
    // leaves the stack unless the stack says otherwise (cluster.retainNodeData).
    const data = new docker.Volume(
      `${name}-data`,
      { name: dockerObjectName(stack, `${node.hostname}-data`), labels: labelList(stack, "node-data") },
      { ...childOpts, retainOnDelete: cluster.retainNodeData },
    );

    const tls = args.tls ?? TLS_OFF;
    const files = nodeFiles(cluster, node, stack, tls);
    this.container = new docker.Container(
      `${name}-container`,
      {
        name: nodeContainerName(stack, node),
        image: args.image,
        hostname: node.hostname,
        ...containerNetwork(args.networkName, node.address, node.hostname),
        hosts: peerHostEntries(cluster, node),
        volumes: [{ volumeName: data.name, containerPath: "/var/lib/rabbitmq" }],
        uploads: uploadsOf(files, args.secrets),
        restart: "unless-stopped",
        // The watermark in rabbitmq.conf is computed against this limit (render/rabbitmqConf.ts).
        memory: node.limits.memoryMiB,
        cpus: cpusInput(node.limits),
        // Time for a clean shutdown (queues synced, Mnesia/Khepri closed) before SIGKILL.
        stopTimeout: 60,
        destroyGraceSeconds: 60,
        labels: [...labelList(stack, "node"), { label: "rabbitmq-ha.node", value: erlangNodeName(node.hostname) }],
        healthcheck: nodeHealthcheck(tls, cluster.networkMode === "host" ? node.address : "127.0.0.1"),
        wait: true,
        waitTimeout: nodeWaitTimeoutSeconds(discoveryRetries(cluster, node)),
      },
      {
        ...childOpts,
        dependsOn: args.after ? [args.after] : [],
        // The peer list is read only on a node's first boot, so a node added or removed must not
        // restart the existing ones: they keep the list they were created with (a new node gets
        // the current one). A replacement for another reason keeps the old list too: harmless, the
        // node boots with its data and rejoins the peers it last saw.
        ignoreChanges: [`uploads[${peerListUploadIndex(files)}].content`],
        hooks: { beforeDelete: [hooks.beforeDelete], afterCreate: [hooks.afterCreate], afterDelete: [hooks.afterDelete] },
      },
    );

    this.registerOutputs({ container: this.container.id });
  }
}
