/**
 * Which policies apply to a queue or exchange: RabbitMQ matches the pattern against the name
 * within the policy's vhost and apply-to, then applies only the highest-priority match (regular
 * and operator policies are matched separately and merged).
 */
import type { PolicySpec, QueueType } from "../types";

export interface PolicyTarget {
  readonly kind: "queue" | "exchange";
  readonly vhost: string;
  readonly name: string;
  /** Queues only. */
  readonly queueType?: QueueType;
}

export function appliesTo(policy: PolicySpec, target: PolicyTarget): boolean {
  switch (policy.applyTo) {
    case "all":
      return true;
    case "queues":
      return target.kind === "queue";
    case "exchanges":
      return target.kind === "exchange";
    case "classic_queues":
      return target.kind === "queue" && target.queueType === "classic";
    case "quorum_queues":
      return target.kind === "queue" && target.queueType === "quorum";
    case "streams":
      return false; // this project declares no streams
    default: {
      const unreachable: never = policy.applyTo;
      return unreachable;
    }
  }
}

/** The pattern as RabbitMQ reads it (unanchored search); undefined when it does not compile. */
export function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

/** Policies of one kind (regular or operator) that match the target, highest priority first. */
export function matchingPolicies(policies: readonly PolicySpec[], target: PolicyTarget, operator: boolean): PolicySpec[] {
  return policies
    .filter((policy) => policy.operator === operator && policy.vhost === target.vhost && appliesTo(policy, target))
    .filter((policy) => compilePattern(policy.pattern)?.test(target.name) ?? false)
    .sort((a, b) => b.priority - a.priority);
}

/** The policy RabbitMQ applies (the first of the highest priority when tied: a guess, flagged by shadowing). */
export function effectivePolicy(policies: readonly PolicySpec[], target: PolicyTarget, operator: boolean): PolicySpec | undefined {
  return matchingPolicies(policies, target, operator)[0];
}
