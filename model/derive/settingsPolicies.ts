/**
 * Queue and exchange settings that RabbitMQ can apply by policy are applied by a policy the model
 * generates for the object, not as declare-time x-arguments: a policy updates in place, while a
 * changed x-argument can only be applied by deleting the queue with its messages (or, for an
 * exchange, fails the update in the provider) (docs/queue-settings.md).
 *
 * Only one policy applies to a queue or exchange (the highest priority among those that match
 * it), so the generated one carries what the user policy that would otherwise win for the object
 * defines (mirroring keys included), with the object's own settings on top (the more specific
 * declaration wins), at a priority above every user policy that matches the object. Operator
 * policies are untouched: RabbitMQ combines the operator policy with this one (the lower limit
 * wins), so they stay caps. Pure: the loader applies it after validation (model/load.ts).
 */
import type { ExchangeSpec, PolicySpec, QueueSpec, RabbitSeries, TopologySpec } from "../types";
import { appliesTo, compilePattern, winningPolicy, type PolicyTarget } from "../rules/policyMatch";

export type PolicyValue = PolicySpec["definition"][string];

/** Prefix of every generated policy name: declared policies may not use it. */
export const GENERATED_POLICY_PREFIX = "rabbitmq-ha.";
/** Prefix of generated queue policy names; followed by the queue's name. */
export const SETTINGS_POLICY_PREFIX = `${GENERATED_POLICY_PREFIX}queue-settings.`;
/** Prefix of generated exchange policy names; followed by the exchange's name (a queue may share it). */
export const EXCHANGE_SETTINGS_POLICY_PREFIX = `${GENERATED_POLICY_PREFIX}exchange-settings.`;

/** The queue settings a policy can carry, by policy key (RabbitMQ's policies guide, "Policy keys"). */
export function policySettingsOf(queue: QueueSpec): Record<string, PolicyValue> {
  const settings: Record<string, PolicyValue | undefined> = {
    "message-ttl": queue.messageTtlMs,
    "max-length": queue.maxLength,
    "max-length-bytes": queue.maxLengthBytes,
    overflow: queue.overflow,
    "dead-letter-exchange": queue.deadLetter?.exchange,
    "dead-letter-routing-key": queue.deadLetter?.routingKey,
    "delivery-limit": queue.deliveryLimit,
  };
  return Object.fromEntries(Object.entries(settings).filter((e): e is [string, PolicyValue] => e[1] !== undefined));
}

/** `^NAME$` with every regular-expression character escaped: matches this queue only. */
export function exactPattern(name: string): string {
  return `^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`;
}

export function settingsPolicyName(queue: string): string {
  return `${SETTINGS_POLICY_PREFIX}${queue}`;
}

/** The exchange settings a policy can carry: only its alternate exchange (RabbitMQ's AE guide). */
export function exchangeSettingsOf(exchange: ExchangeSpec): Record<string, PolicyValue> {
  return exchange.alternateExchange === undefined ? {} : { "alternate-exchange": exchange.alternateExchange };
}

export function exchangeSettingsPolicyName(exchange: string): string {
  return `${EXCHANGE_SETTINGS_POLICY_PREFIX}${exchange}`;
}

/**
 * The policy that applies `queue`'s settings, or undefined when it has none. `userPolicies` are
 * the declared ones (generated ones are ignored). Priority: one above the highest user policy
 * whose pattern and apply-to match the queue, whether or not its keys suit the queue's type, so
 * no user policy can tie with it or beat it.
 */
export function settingsPolicy(queue: QueueSpec, userPolicies: readonly PolicySpec[], version: RabbitSeries | undefined): PolicySpec | undefined {
  const target: PolicyTarget = { kind: "queue", vhost: queue.vhost, name: queue.name, queueType: queue.type, ...(version ? { version } : {}) };
  return generatedPolicy(target, queue.origin, settingsPolicyName(queue.name), policySettingsOf(queue), userPolicies);
}

/** The policy that applies `exchange`'s alternate exchange, or undefined when it has none; as settingsPolicy. */
export function exchangeSettingsPolicy(exchange: ExchangeSpec, userPolicies: readonly PolicySpec[]): PolicySpec | undefined {
  const target: PolicyTarget = { kind: "exchange", vhost: exchange.vhost, name: exchange.name };
  return generatedPolicy(target, exchange.origin, exchangeSettingsPolicyName(exchange.name), exchangeSettingsOf(exchange), userPolicies);
}

function generatedPolicy(target: PolicyTarget, origin: PolicySpec["origin"], name: string, settings: Record<string, PolicyValue>, userPolicies: readonly PolicySpec[]): PolicySpec | undefined {
  if (Object.keys(settings).length === 0) return undefined;
  const declared = userPolicies.filter((policy) => policy.generatedFor === undefined);
  const matching = declared.filter(
    (policy) => !policy.operator && policy.vhost === target.vhost && appliesTo(policy, target) && (compilePattern(policy.pattern)?.test(target.name) ?? false),
  );
  const { policy: winner } = winningPolicy(declared, target, false);
  return {
    name,
    vhost: target.vhost,
    origin,
    pattern: exactPattern(target.name),
    applyTo: target.kind === "queue" ? "queues" : "exchanges",
    priority: matching.reduce((top, policy) => Math.max(top, policy.priority + 1), 0),
    definition: mergedDefinition(winner?.definition ?? {}, settings),
    operator: false,
    generatedFor: target.name,
  };
}

/** The user policy's keys, then the queue's own settings over them (the queue wins a conflict). */
export function mergedDefinition(policy: PolicySpec["definition"], settings: Readonly<Record<string, PolicyValue>>): Record<string, PolicyValue> {
  return { ...policy, ...settings };
}

/** Whether a queue (exchange) is listed in `keepQueueArguments` (`keepExchangeArguments`); `*`: every one. */
export function keepsArguments(queue: Pick<QueueSpec, "name">, keep: readonly string[]): boolean {
  return keep.includes("*") || keep.includes(queue.name);
}

/**
 * Marks the queues and exchanges whose settings stay x-arguments (deployed before this design;
 * see docs/queue-settings.md "Migrating") and adds one generated policy per other queue or
 * exchange with settings, right after the declared policies. Idempotent: earlier generated
 * policies are dropped and made again.
 */
export function deriveSettingsPolicies(topology: TopologySpec, version: RabbitSeries | undefined, keep: readonly string[], keepExchanges: readonly string[] = []): TopologySpec {
  const declared = topology.policies.filter((policy) => policy.generatedFor === undefined);
  const queues = topology.queues.map((queue) => (keepsArguments(queue, keep) ? { ...queue, settingsAsArguments: true } : queue));
  const exchanges = topology.exchanges.map((exchange) => (keepsArguments(exchange, keepExchanges) ? { ...exchange, settingsAsArguments: true } : exchange));
  const generated = [
    ...queues.filter((queue) => !queue.settingsAsArguments).flatMap((queue) => settingsPolicy(queue, declared, version) ?? []),
    ...exchanges.filter((exchange) => !exchange.settingsAsArguments).flatMap((exchange) => exchangeSettingsPolicy(exchange, declared) ?? []),
  ];
  return { ...topology, queues, exchanges, policies: [...declared, ...generated] };
}
