/**
 * The policy definition keys this project accepts, what their values are, what they apply to,
 * and which ones RabbitMQ allows in operator policies (its policies guide, "Operator Policies").
 */
import { OVERFLOW } from "./types";

export type PolicyValueKind =
  | { readonly kind: "duration" }
  | { readonly kind: "size" }
  | { readonly kind: "count" }
  | { readonly kind: "text" }
  | { readonly kind: "exchange" }
  | { readonly kind: "choice"; readonly values: readonly (string | number)[] }
  | { readonly kind: "haParams" };

export interface PolicyKeySpec {
  readonly value: PolicyValueKind;
  /** What the key configures; a policy that applies only to the other kind cannot use it. */
  readonly target: "queues" | "exchanges";
  /** Allowed in an operator policy. */
  readonly operator: boolean;
  /** Classic queue mirroring: removed in RabbitMQ 4.0. */
  readonly mirroring: boolean;
}

const key = (value: PolicyValueKind, options: Partial<Omit<PolicyKeySpec, "value">> = {}): PolicyKeySpec => ({
  value,
  target: options.target ?? "queues",
  operator: options.operator ?? false,
  mirroring: options.mirroring ?? false,
});
const choice = (...values: (string | number)[]): PolicyValueKind => ({ kind: "choice", values });
const limit = { operator: true } as const;
const mirror = { mirroring: true } as const;

export const POLICY_KEYS: Readonly<Record<string, PolicyKeySpec>> = {
  "message-ttl": key({ kind: "duration" }, limit),
  expires: key({ kind: "duration" }, limit),
  "max-length": key({ kind: "count" }, limit),
  "max-length-bytes": key({ kind: "size" }, limit),
  overflow: key(choice(...OVERFLOW), limit),
  "delivery-limit": key({ kind: "count" }, limit),
  "max-in-memory-length": key({ kind: "count" }, limit),
  "max-in-memory-bytes": key({ kind: "size" }, limit),
  "queue-version": key(choice(1, 2), limit),
  "target-group-size": key({ kind: "count" }, limit),
  "dead-letter-exchange": key({ kind: "exchange" }),
  "dead-letter-routing-key": key({ kind: "text" }),
  "dead-letter-strategy": key(choice("at-most-once", "at-least-once")),
  "queue-mode": key(choice("default", "lazy")),
  "queue-leader-locator": key(choice("client-local", "balanced")),
  "queue-master-locator": key(choice("min-masters", "client-local", "random")),
  "alternate-exchange": key({ kind: "exchange" }, { target: "exchanges" }),
  "ha-mode": key(choice("all", "exactly", "nodes"), mirror),
  "ha-params": key({ kind: "haParams" }, mirror),
  "ha-sync-mode": key(choice("automatic", "manual"), mirror),
  "ha-sync-batch-size": key({ kind: "count" }, mirror),
  "ha-promote-on-shutdown": key(choice("always", "when-synced"), mirror),
  "ha-promote-on-failure": key(choice("always", "when-synced"), mirror),
};

export const KNOWN_POLICY_KEYS = Object.keys(POLICY_KEYS);
export const OPERATOR_POLICY_KEYS = KNOWN_POLICY_KEYS.filter((name) => POLICY_KEYS[name]?.operator);
