/**
 * Which policies apply to a queue or exchange: RabbitMQ matches the pattern against the name
 * within the policy's vhost and apply-to, skips a policy the queue's type does not support,
 * then applies only the highest-priority match (regular and operator policies are matched
 * separately and merged). Shadowing, dead-letter analysis and the e2e checks all read this.
 */
import type { PolicySpec, QueueType, RabbitSeries } from "../types";

export interface PolicyTarget {
  readonly kind: "queue" | "exchange";
  readonly vhost: string;
  readonly name: string;
  /** Queues only. */
  readonly queueType?: QueueType;
  /** The broker's series; without it only the keys every series 3.10-4.3 refuses count. */
  readonly version?: RabbitSeries;
}

const SERIES_3_13_ON: readonly RabbitSeries[] = ["3.13", "4.0", "4.1", "4.2", "4.3"];
const SERIES_3: readonly RabbitSeries[] = ["3.10", "3.11", "3.12", "3.13"];

/**
 * Policy keys (of those model/policyKeys.ts accepts) a queue type does not support. RabbitMQ
 * does not apply a policy whose definition has one of them to a queue of that type: it is
 * skipped as if its pattern did not match, and the next matching policy wins. The same holds
 * for operator policies; exchanges have no such list. From rabbitmq-server, tags v3.10.0 to
 * v4.3.0: deps/rabbit/src/rabbit_policy.erl matches/3 -> is_applicable/3 ->
 * rabbit_amqqueue:is_policy_applicable/2 -> deps/rabbit/src/rabbit_queue_type.erl
 * is_policy_applicable/2, which refuses a definition with any key of the type's
 * `capabilities()` `unsupported_policies` (deps/rabbit/src/rabbit_quorum_queue.erl,
 * deps/rabbit/src/rabbit_classic_queue.erl). Quorum: the classic mirroring keys (still listed
 * in 4.x, where mirroring is gone), queue-mode and queue-master-locator, in every series.
 * Classic: delivery-limit and dead-letter-strategy in every series; queue-leader-locator up to
 * 3.13; max-in-memory-length, max-in-memory-bytes and target-group-size from 3.13 on.
 */
export function unsupportedPolicyKeys(queueType: QueueType, version?: RabbitSeries): readonly string[] {
  switch (queueType) {
    case "quorum":
      return ["ha-mode", "ha-params", "ha-sync-mode", "ha-promote-on-shutdown", "ha-promote-on-failure", "queue-mode", "queue-master-locator"];
    case "classic":
      return [
        "delivery-limit",
        "dead-letter-strategy",
        ...(version !== undefined && SERIES_3.includes(version) ? ["queue-leader-locator"] : []),
        ...(version !== undefined && SERIES_3_13_ON.includes(version) ? ["max-in-memory-length", "max-in-memory-bytes", "target-group-size"] : []),
      ];
    default: {
      const unreachable: never = queueType;
      return unreachable;
    }
  }
}

/** Whether the target's queue type supports every key of the policy (always, for exchanges). */
export function supportsPolicy(policy: PolicySpec, target: PolicyTarget): boolean {
  if (target.kind !== "queue" || target.queueType === undefined) return true;
  const unsupported = unsupportedPolicyKeys(target.queueType, target.version);
  return !Object.keys(policy.definition).some((key) => unsupported.includes(key));
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
    .filter((policy) => policy.operator === operator && policy.vhost === target.vhost && appliesTo(policy, target) && supportsPolicy(policy, target))
    .filter((policy) => compilePattern(policy.pattern)?.test(target.name) ?? false)
    .sort((a, b) => b.priority - a.priority);
}

/** The policy RabbitMQ applies (the first of the highest priority when tied: a guess, flagged by shadowing). */
export function effectivePolicy(policies: readonly PolicySpec[], target: PolicyTarget, operator: boolean): PolicySpec | undefined {
  return matchingPolicies(policies, target, operator)[0];
}

/**
 * The policy the broker shows on the target, and whether two share the top priority (then the
 * broker picks one of them: `policy` is only a guess). test/e2e/checks/policies.ts predicts a
 * queue's live policy with this.
 */
export function winningPolicy(policies: readonly PolicySpec[], target: PolicyTarget, operator: boolean): { readonly policy: PolicySpec | undefined; readonly tie: boolean } {
  const [first, second] = matchingPolicies(policies, target, operator);
  return { policy: first, tie: first !== undefined && second !== undefined && first.priority === second.priority };
}
