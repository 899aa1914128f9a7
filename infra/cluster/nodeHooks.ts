/**
 * The resource hooks that gate every node container change (issue 11, items 1 and 4). Built once
 * per program run with stable names, whatever nodes exist: the engine looks hooks up by name in
 * the current run, and a removed node's delete still needs them.
 *
 * - beforeDelete: a node of the stack (the delete half of a replacement) must be losable, then is
 *   drained, in its own container; a node no longer in the stack (a removal) is checked, drained
 *   and has its quorum queue members removed from a remaining member.
 * - afterCreate: the new container has rejoined (every member running, no partition, no alarm),
 *   quorum queues are grown onto it and their members count again.
 * - afterDelete: a removed node is forgotten by the cluster (forget_cluster_node on a remaining
 *   member, now that its container is gone). Nothing for a replacement.
 *
 * The hooks run in the process that runs the program (never serialised), and reach the Docker
 * engines through the same endpoints the docker.Providers get.
 *
 * A full teardown (`pulumi destroy --run-program`) has no node to keep serving and could never
 * pass the gates (each node gone lowers the majority of the rest): it runs with
 * RABBITMQ_HA_TEARDOWN=1, which makes the delete hooks do nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import { isTeardown } from "../teardown";
import type { RabbitSeries } from "../../model/types";
import { erlangNodeName } from "../../render/format";
import { dockerClient, dockerHostOf, stateOf } from "../../ops/docker";
import { type GateSettings, type NodeContainer, afterNodeRemoved, afterNodeStarts, beforeNodeRemoved, beforeNodeStops } from "../../ops/cluster/nodeGates";

export { TEARDOWN_ENV } from "../teardown";

/** A node of the current stack, as the hooks need it (plain data only). */
export interface HookNode {
  readonly hostname: string;
  readonly containerName: string;
  /** The Docker endpoint of the node's host (the docker.Provider's `host`), if the stack names one. */
  readonly dockerUrl: string | undefined;
}

export interface NodeHooksArgs {
  readonly version: RabbitSeries;
  /** The stack's nodes in rolling order (the seed first). */
  readonly nodes: readonly HookNode[];
  /** How long each gate condition may take before the update stops. */
  readonly gateTimeoutSeconds: number;
}

export interface NodeHooks {
  readonly beforeDelete: pulumi.ResourceHook;
  readonly afterCreate: pulumi.ResourceHook;
  readonly afterDelete: pulumi.ResourceHook;
}

export function nodeHooks(name: string, args: NodeHooksArgs): NodeHooks {
  const settings: GateSettings = { version: args.version, timeoutSeconds: args.gateTimeoutSeconds, log: (line) => void pulumi.log.info(line) };
  const inStack = (hostname: string): HookNode | undefined => args.nodes.find((n) => n.hostname === hostname);
  const containerOf = (node: HookNode, container: string = node.containerName): NodeContainer => ({
    docker: dockerClient(dockerHostOf(node.dockerUrl)),
    container,
    node: erlangNodeName(node.hostname),
  });
  /** A remaining member to run commands on for a removed node: the first one whose container runs. */
  const runner = async (): Promise<NodeContainer> => {
    for (const node of args.nodes) {
      const target = containerOf(node);
      const running = await stateOf(target.docker, target.container).then((s) => s.running).catch(() => false);
      if (running) return target;
    }
    throw new Error(`no node of the stack is running (${args.nodes.map((n) => n.containerName).join(", ")}): nothing can take over for the removed node`);
  };
  const teardown = isTeardown;

  return {
    beforeDelete: new pulumi.ResourceHook(`${name}-node-before-delete`, async (hook) => {
      if (teardown()) return;
      const hostname = String(hook.oldInputs?.["hostname"]);
      const node = inStack(hostname);
      if (node === undefined) return beforeNodeRemoved(await runner(), erlangNodeName(hostname), settings);
      const target = containerOf(node, String(hook.oldOutputs?.["name"] ?? node.containerName));
      // A container that is not running has already left the cluster's majority: replacing it
      // can only help, and there is nothing to drain.
      const running = await stateOf(target.docker, target.container).then((s) => s.running).catch(() => false);
      if (!running) return settings.log(`${target.node}: its container is not running, so it is replaced without a gate`);
      return beforeNodeStops(target, settings);
    }),
    afterCreate: new pulumi.ResourceHook(`${name}-node-after-create`, async (hook) => {
      const node = inStack(String(hook.newInputs?.["hostname"]));
      if (node === undefined) throw new Error(`created a node container for ${String(hook.newInputs?.["hostname"])}, which the stack does not list`);
      return afterNodeStarts(containerOf(node, String(hook.newOutputs?.["name"] ?? node.containerName)), settings);
    }),
    afterDelete: new pulumi.ResourceHook(`${name}-node-after-delete`, async (hook) => {
      if (teardown()) return;
      const hostname = String(hook.oldInputs?.["hostname"]);
      if (inStack(hostname) !== undefined) return;
      return afterNodeRemoved(await runner(), erlangNodeName(hostname), settings);
    }),
  };
}
