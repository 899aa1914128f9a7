/**
 * The config changes the update scenarios apply, one after another, each on top of the last
 * (as a user edits a stack over time): the unchanged config first, then a topology file added
 * and removed, a broker setting, a load-balancer setting, a new image. Each says which resources
 * it may touch and what kind of change it is (its `kind` selects the limits it is judged by,
 * judging.ts); what it costs a client is measured, not assumed.
 */
import type { Deployment } from "../deployment";
import type { PlanCounts, Step } from "../../../engine/types";
import type { ChangeKind } from "./judging";
import { MEMBERSHIP_CHANGES } from "./membership";
import { changed, isLbContainer, isNodeContainer, onlyTouches, TOPOLOGY, withObject } from "./planRules";
import { newSettingsApplied, onlyPolicyUpdates, withNewQueueSettings } from "./queueSetting";
import { rebuiltImage } from "./rebuiltImage";
import { SECRET_CHANGES } from "./secretRotation";

export type StackConfig = Record<string, unknown>;

export interface ConfigChange {
  readonly id: string;
  readonly name: string;
  /** What the change rolls; selects its outage limit (judging.ts MAX_OUTAGE_SECONDS). */
  readonly kind: ChangeKind;
  /** The next config from the current one (full keys, e.g. `rabbitmq-ha:cluster`). */
  readonly apply: (config: StackConfig, deployment: Deployment) => Promise<StackConfig>;
  /** What the plan must be; returns why not, or undefined when it is as expected. */
  readonly expectPlan: (counts: PlanCounts, steps: readonly Step[]) => string | undefined;
  /**
   * Only on these layouts (stack names), when the others would add nothing but minutes to CI;
   * elsewhere the scenario is a counted skip saying why. All layouts when absent.
   */
  readonly onlyOn?: { readonly stacks: readonly string[]; readonly why: string };
  /** What the broker must show once the update is applied; returns what it saw, throws when not. Optional. */
  readonly afterUpdate?: (deployment: Deployment) => Promise<string>;
}

export const CONFIG_CHANGES: readonly ConfigChange[] = [
  {
    id: "unchanged",
    kind: "topology",
    name: "the same config again",
    apply: async (config) => config,
    expectPlan: (counts, steps) =>
      counts.create + counts.update + counts.replace + counts.delete === 0 ? undefined : `plans ${changed(steps).map((s) => `${s.kind} ${s.name} [${s.reasons.join("; ")}]`).join(", ")}`,
  },
  {
    id: "add-queue",
    kind: "topology",
    name: "add a topology file with a queue and a binding",
    apply: async (config) => withObject(config, "rabbitmq-ha:topology", (t) => ({ ...t, files: [...(t["files"] as string[]), "test/e2e/config/e2e-update.yaml"] })),
    expectPlan: (counts, steps) =>
      counts.create < 2 ? `${counts.create} creates (a queue and a binding expected)` : onlyTouches(steps, "topology objects, by creating them", (s) => TOPOLOGY.test(s.type) && s.kind === "create"),
  },
  {
    id: "remove-topology-file",
    kind: "topology",
    name: "remove that topology file again",
    apply: async (config) => withObject(config, "rabbitmq-ha:topology", (t) => ({ ...t, files: (t["files"] as string[]).filter((f) => !f.endsWith("e2e-update.yaml")) })),
    expectPlan: (counts, steps) =>
      counts.delete < 2 ? `${counts.delete} deletes (the queue and its binding expected)` : onlyTouches(steps, "topology objects, by deleting them", (s) => TOPOLOGY.test(s.type) && s.kind === "delete"),
  },
  {
    id: "broker-setting",
    kind: "node",
    name: "change a broker setting in rabbitmq.conf (disk free limit)",
    apply: async (config) => withObject(config, "rabbitmq-ha:cluster", (c) => ({ ...c, diskFreeLimit: "900MB" })),
    expectPlan: (_counts, steps) => onlyTouches(steps, "the node containers", isNodeContainer),
  },
  {
    id: "haproxy-setting",
    kind: "loadBalancer",
    name: "change an HAProxy setting (health-check interval)",
    apply: async (config) => withObject(config, "rabbitmq-ha:loadBalancers", (l) => ({ ...l, checkInterval: "2s" })),
    expectPlan: (_counts, steps) => onlyTouches(steps, "the load-balancer containers", isLbContainer),
  },
  {
    id: "image",
    kind: "node",
    name: "change the RabbitMQ image (a rebuilt stand-in with a new id)",
    apply: async (config, deployment) => {
      const engines = new Set(deployment.model.cluster.nodes.map((n) => n.host));
      // The update scenarios run on the single-host layouts; a rebuilt image would have to reach every host.
      if (engines.size !== 1) throw new Error(`the image scenario rebuilds the image on one engine, but the nodes run on ${engines.size} hosts`);
      const image = await rebuiltImage(deployment.dockerOf(deployment.nodes[0]!.container), String((config["rabbitmq-ha:cluster"] as Record<string, unknown>)["image"]));
      return withObject(config, "rabbitmq-ha:cluster", (c) => ({ ...c, image }));
    },
    expectPlan: (_counts, steps) => onlyTouches(steps, "the image lookup and the node containers", (s) => isNodeContainer(s) || s.type === "docker:index/remoteImage:RemoteImage"),
  },
  ...MEMBERSHIP_CHANGES,
  {
    id: "queue-setting",
    kind: "topology",
    name: "change the load queues' TTL and max length, give the load exchange an alternate exchange (applied by their policies)",
    apply: withNewQueueSettings,
    expectPlan: (_counts, steps) => onlyPolicyUpdates(steps),
    afterUpdate: newSettingsApplied,
  },
  ...SECRET_CHANGES,
];
