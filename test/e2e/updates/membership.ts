/**
 * Membership scenarios (issue 11, item 4): a node added (only it starts; quorum queues grow onto
 * it) and removed again (drained, shrunk off, forgotten by the cluster).
 */
import type { Step } from "../../../engine/types";
import type { ConfigChange, StackConfig } from "./changes";
import { CONTAINER, isLbContainer, onlyTouches, withObject } from "./planRules";

export const MEMBERSHIP_CHANGES: readonly ConfigChange[] = [
  {
    id: "add-node",
    kind: "node",
    name: "add a node (the last node's twin): only the new node starts, quorum queues grow onto it",
    apply: async (config) => withObject(config, "rabbitmq-ha:cluster", (c) => ({ ...c, nodes: [...nodesOf(config), addedNode(nodesOf(config))] })),
    expectPlan: (_counts, steps) => membershipPlan(steps, "create"),
  },
  {
    id: "remove-node",
    kind: "node",
    name: "remove the added node again: drained, quorum queues shrunk, forgotten by the cluster",
    apply: async (config) => {
      const nodes = nodesOf(config);
      if (!nodes.some((n) => n.hostname.endsWith(ADDED))) throw new Error("remove-node removes the node add-node added: select add-node before it (--updates add-node,remove-node)");
      return withObject(config, "rabbitmq-ha:cluster", (c) => ({ ...c, nodes: nodes.filter((n) => !n.hostname.endsWith(ADDED)) }));
    },
    expectPlan: (_counts, steps) => membershipPlan(steps, "delete"),
  },
];

type NodeConfig = Record<string, unknown> & { hostname: string; address: string };

/** Added nodes are named after the last node with this suffix, so remove-node finds exactly them. */
const ADDED = "-added";

function nodesOf(config: StackConfig): NodeConfig[] {
  return (config["rabbitmq-ha:cluster"] as { nodes: NodeConfig[] }).nodes;
}

/** The last node's twin (same type and Docker host), at the next free address five or more further on. */
function addedNode(nodes: readonly NodeConfig[]): NodeConfig {
  const last = nodes.at(-1) as NodeConfig;
  const octets = last.address.split(".").map(Number);
  const taken = new Set(nodes.map((n) => n.address));
  let address = "";
  for (let step = 5; address === "" || taken.has(address); step += 1) address = [...octets.slice(0, 3), (octets[3]! + step) % 250].join(".");
  return { ...last, hostname: `${last.hostname}${ADDED}`, address };
}

/**
 * The plan creates (or deletes) the added node's volume and container, with TLS on its key and
 * certificate (infra/tls/stackTls.ts: one per node), and touches nothing else but the load
 * balancers.
 */
function membershipPlan(steps: readonly Step[], kind: "create" | "delete"): string | undefined {
  const container = steps.find((s) => s.kind === kind && s.type === CONTAINER && s.name.endsWith(`${ADDED}-container`));
  if (!container) return `it should ${kind} the added node's container, yet does not`;
  const prefix = container.name.replace(/-container$/, "");
  // HAProxy lists every node (a backend server each), so its config changes with the membership.
  const ownCertificate = (s: Step) => s.type.startsWith("tls:index/") && s.name.includes(`${ADDED}-`);
  return onlyTouches(
    steps,
    `${prefix} (${kind}), its certificate with TLS on, and the load balancers`,
    (s) => ((s.name.startsWith(prefix) || ownCertificate(s)) && s.kind === kind) || isLbContainer(s),
  );
}
