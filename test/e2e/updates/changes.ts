/**
 * The config changes the update scenarios apply, one after another, each on top of the last
 * (as a user edits a stack over time): the unchanged config first, then a topology file added
 * and removed, a broker setting, a load-balancer setting, a new image. Each says which resources
 * it may touch; what else the plan does (and what it costs a client) is measured, not assumed.
 */
import { randomBytes } from "node:crypto";
import { adminAmqp, type Deployment } from "../deployment";
import type { PlanCounts, Step } from "../../../engine/types";
import { managementRequest } from "../../../infra/admin/http";
import { withConnection } from "../load/amqp";
import { rebuiltImage } from "./rebuiltImage";
import { newSettingsApplied, onlyPolicyUpdates, withNewQueueSettings } from "./queueSetting";

export type StackConfig = Record<string, unknown>;

export interface ConfigChange {
  readonly id: string;
  readonly name: string;
  /** The next config from the current one (full keys, e.g. `rabbitmq-ha:cluster`). */
  readonly apply: (config: StackConfig, deployment: Deployment) => Promise<StackConfig>;
  /** What the plan must be; returns why not, or undefined when it is as expected. */
  readonly expectPlan: (counts: PlanCounts, steps: readonly Step[]) => string | undefined;
  /**
   * Why confirmed messages may be lost today, for changes that replace every node at once with no
   * gate (no wait for mirrors to synchronise): such a loss is counted and listed as a known
   * failure (with the skips, never as a pass) until nodes roll one at a time.
   */
  readonly knownLoss?: string;
  /** What the broker must show once the update is applied; returns what it saw, throws when not. Optional. */
  readonly afterUpdate?: (deployment: Deployment) => Promise<string>;
}

const NODES_AT_ONCE =
  "known failure: this change replaces every node container, the non-seed ones at once and none gated on mirror synchronisation, so a classic mirrored queue can promote an unsynchronised mirror";

const CONTAINER = "docker:index/container:Container";
const TOPOLOGY = /^rabbitmq:|^pulumi-nodejs:dynamic/;

function changed(steps: readonly Step[]): Step[] {
  return steps.filter((s) => s.kind !== "same");
}

/** Every change of the plan touches only resources `allowed` accepts. */
function onlyTouches(steps: readonly Step[], what: string, allowed: (s: Step) => boolean): string | undefined {
  const others = changed(steps).filter((s) => !allowed(s));
  if (changed(steps).length === 0) return `the plan changes nothing, yet it should change ${what}`;
  return others.length === 0 ? undefined : `it should change ${what} only, yet also plans ${others.map((s) => `${s.kind} ${s.name}`).join(", ")}`;
}

const withObject = (config: StackConfig, key: string, edit: (value: Record<string, unknown>) => Record<string, unknown>): StackConfig => ({
  ...config,
  [key]: edit(config[key] as Record<string, unknown>),
});

const isNodeContainer = (s: Step): boolean => s.type === CONTAINER && s.name.startsWith("cluster-");
const isLbContainer = (s: Step): boolean => s.type === CONTAINER && s.name.startsWith("lb-");

export const CONFIG_CHANGES: readonly ConfigChange[] = [
  {
    id: "unchanged",
    name: "the same config again",
    apply: async (config) => config,
    expectPlan: (counts, steps) =>
      counts.create + counts.update + counts.replace + counts.delete === 0 ? undefined : `plans ${changed(steps).map((s) => `${s.kind} ${s.name} [${s.reasons.join("; ")}]`).join(", ")}`,
  },
  {
    id: "add-queue",
    name: "add a topology file with a queue and a binding",
    apply: async (config) => withObject(config, "rabbitmq-ha:topology", (t) => ({ ...t, files: [...(t["files"] as string[]), "test/e2e/config/e2e-update.yaml"] })),
    expectPlan: (counts, steps) =>
      counts.create < 2 ? `${counts.create} creates (a queue and a binding expected)` : onlyTouches(steps, "topology objects, by creating them", (s) => TOPOLOGY.test(s.type) && s.kind === "create"),
  },
  {
    id: "remove-topology-file",
    name: "remove that topology file again",
    apply: async (config) => withObject(config, "rabbitmq-ha:topology", (t) => ({ ...t, files: (t["files"] as string[]).filter((f) => !f.endsWith("e2e-update.yaml")) })),
    expectPlan: (counts, steps) =>
      counts.delete < 2 ? `${counts.delete} deletes (the queue and its binding expected)` : onlyTouches(steps, "topology objects, by deleting them", (s) => TOPOLOGY.test(s.type) && s.kind === "delete"),
  },
  {
    id: "broker-setting",
    name: "change a broker setting in rabbitmq.conf (disk free limit)",
    apply: async (config) => withObject(config, "rabbitmq-ha:cluster", (c) => ({ ...c, diskFreeLimit: "900MB" })),
    expectPlan: (_counts, steps) => onlyTouches(steps, "the node containers", isNodeContainer),
    knownLoss: NODES_AT_ONCE,
  },
  {
    id: "haproxy-setting",
    name: "change an HAProxy setting (health-check interval)",
    apply: async (config) => withObject(config, "rabbitmq-ha:loadBalancers", (l) => ({ ...l, checkInterval: "2s" })),
    expectPlan: (_counts, steps) => onlyTouches(steps, "the load-balancer containers", isLbContainer),
  },
  {
    id: "image",
    name: "change the RabbitMQ image (a rebuilt stand-in with a new id)",
    apply: async (config, deployment) => {
      const image = await rebuiltImage(deployment.docker, String((config["rabbitmq-ha:cluster"] as Record<string, unknown>)["image"]));
      return withObject(config, "rabbitmq-ha:cluster", (c) => ({ ...c, image }));
    },
    expectPlan: (_counts, steps) => onlyTouches(steps, "the image lookup and the node containers", (s) => isNodeContainer(s) || s.type === "docker:index/remoteImage:RemoteImage"),
    knownLoss: NODES_AT_ONCE,
  },
  {
    id: "add-node",
    name: "add a node (the last node's twin): only the new node starts, quorum queues grow onto it",
    apply: async (config) => withObject(config, "rabbitmq-ha:cluster", (c) => ({ ...c, nodes: [...nodesOf(config), addedNode(nodesOf(config))] })),
    expectPlan: (_counts, steps) => membershipPlan(steps, "create"),
  },
  {
    id: "remove-node",
    name: "remove the added node again: drained, quorum queues shrunk, forgotten by the cluster",
    apply: async (config) => {
      const nodes = nodesOf(config);
      if (!nodes.some((n) => n.hostname.endsWith(ADDED))) throw new Error("remove-node removes the node add-node added: select add-node before it (--updates add-node,remove-node)");
      return withObject(config, "rabbitmq-ha:cluster", (c) => ({ ...c, nodes: nodes.filter((n) => !n.hostname.endsWith(ADDED)) }));
    },
    expectPlan: (_counts, steps) => membershipPlan(steps, "delete"),
  },
  {
    id: "queue-setting",
    name: "change the load queues' message TTL and max length (applied by their policy)",
    apply: withNewQueueSettings,
    expectPlan: (_counts, steps) => onlyPolicyUpdates(steps),
    afterUpdate: newSettingsApplied,
  },
  {
    id: "admin-password",
    name: "rotate the admin password (rabbitmq-ha:adminPassword)",
    apply: async (config, deployment) => {
      rotation.adminBefore = deployment.management.password;
      rotation.adminAfter = freshPassword();
      return { ...config, "rabbitmq-ha:adminPassword": rotation.adminAfter };
    },
    // Changed on the running broker through the management API: no node or load balancer is
    // touched, and the admin credential resource moves the broker to the new password.
    expectPlan: (_counts, steps) =>
      noContainerTouched(steps) ?? planned(steps, "update", "admin-credential") ?? onlyTouches(steps, "what logs in as the admin", (s) => s.kind === "update" || (s.kind === "delete" && s.type.startsWith("random:"))),
  },
  {
    id: "user-password",
    name: "rotate a topology user's password (rabbitmq-ha:userPasswords), through the topology provider",
    apply: async (config, deployment) => {
      // The previous scenario's rotation, as a client sees it through the VIP (checked here, reported by expectPlan).
      rotation.adminProblem = await adminRotationProblem(deployment);
      const user = deployment.model.topology.users[0]?.name;
      if (user === undefined) throw new Error("the e2e topology declares no user");
      rotation.user = user;
      const given = (config["rabbitmq-ha:userPasswords"] ?? {}) as Record<string, string>;
      return { ...config, "rabbitmq-ha:userPasswords": { ...given, [user]: freshPassword() } };
    },
    // rabbitmq User: password updated in place (terraform-provider-rabbitmq v1.8.0
    // rabbitmq/resource_user.go: only `name` is ForceNew; UpdateUser PUTs /api/users/<name>).
    expectPlan: (_counts, steps) =>
      rotation.adminProblem ??
      noContainerTouched(steps) ??
      planned(steps, "update", `topology-user-${encodeURIComponent(rotation.user ?? "")}`) ??
      onlyTouches(steps, "the user", (s) => (s.kind === "update" && s.type === "rabbitmq:index/user:User") || (s.kind === "delete" && s.type.startsWith("random:"))),
  },
];

/** What the password scenarios hand each other (each applies on top of the last). */
const rotation: { adminBefore?: string; adminAfter?: string; adminProblem?: string; user?: string } = {};

function freshPassword(): string {
  return randomBytes(18).toString("base64url");
}

function noContainerTouched(steps: readonly Step[]): string | undefined {
  const touched = changed(steps).filter((s) => s.type === CONTAINER);
  return touched.length === 0 ? undefined : `no container may change, yet it plans ${touched.map((s) => `${s.kind} ${s.name}`).join(", ")}`;
}

function planned(steps: readonly Step[], kind: Step["kind"], name: string): string | undefined {
  return steps.some((s) => s.kind === kind && s.name === name) ? undefined : `it should ${kind} ${name}, yet plans ${changed(steps).map((s) => `${s.kind} ${s.name}`).join(", ") || "nothing"}`;
}

/** After `admin-password`: the new admin password logs in through the VIP (HTTP and AMQP), the old one no longer does. */
async function adminRotationProblem(deployment: Deployment): Promise<string | undefined> {
  if (rotation.adminAfter === undefined || rotation.adminBefore === undefined) return undefined;
  if (deployment.management.password !== rotation.adminAfter) return "after admin-password, the program's rabbitmq provider does not use the new admin password";
  const whoami = async (password: string) => (await managementRequest(deployment.management, password, "GET", "/api/whoami")).status;
  const [now, before] = [await whoami(rotation.adminAfter), await whoami(rotation.adminBefore)];
  if (now !== 200 || before !== 401) return `through the VIP, GET /api/whoami answers ${now} to the new admin password (200 expected) and ${before} to the old one (401 expected)`;
  const vhost = deployment.model.topology.vhosts[0]?.name ?? "/";
  const amqp = await withConnection(adminAmqp(deployment, vhost), async () => "ok").catch((error: unknown) => String(error));
  return amqp === "ok" ? undefined : `AMQP through the VIP with the new admin password fails: ${amqp}`;
}

// ---- membership (issue 11, item 4) ---------------------------------------------------------

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

/** The plan creates (or deletes) the added node's volume and container, and touches nothing else but the load balancers. */
function membershipPlan(steps: readonly Step[], kind: "create" | "delete"): string | undefined {
  const container = steps.find((s) => s.kind === kind && s.type === CONTAINER && s.name.endsWith(`${ADDED}-container`));
  if (!container) return `it should ${kind} the added node's container, yet does not`;
  const prefix = container.name.replace(/-container$/, "");
  // HAProxy lists every node (a backend server each), so its config changes with the membership.
  return onlyTouches(steps, `${prefix} (${kind}) and the load balancers`, (s) => (s.name.startsWith(prefix) && s.kind === kind) || isLbContainer(s));
}
