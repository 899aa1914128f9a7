import type * as docker from "@pulumi/docker";

/** Roles a Docker object plays in the deployment (label `rabbitmq-ha.role`). */
export const ROLES = ["network", "node", "node-data", "loadbalancer", "image"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Labels on every Docker object this program creates, so `docker ps --filter label=...` finds
 * a stack's objects and nothing else's.
 */
export function dockerLabels(stack: string, role: Role): Record<string, string> {
  return { "rabbitmq-ha.stack": stack, "rabbitmq-ha.role": role, "rabbitmq-ha.managed-by": "pulumi" };
}

/** The same labels in the `[{label, value}]` form Container, Network and Volume take. */
export function labelList(stack: string, role: Role): docker.types.input.ContainerLabel[] {
  return Object.entries(dockerLabels(stack, role)).map(([label, value]) => ({ label, value }));
}

/** Container, network and volume names start with the project and stack, so stacks never collide on one engine. */
export function dockerObjectName(stack: string, suffix: string): string {
  return `rabbitmq-ha-${stack}-${suffix}`;
}
