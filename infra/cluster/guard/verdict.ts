/**
 * What the cluster guard refuses on a deployed cluster, as pure functions of what it knows (the
 * stored and the new guard inputs, the broker's answers): a changed Erlang cookie without the
 * stack's opt-in, a downgrade, and a major upgrade whose preconditions do not hold. Each message
 * says what the change takes. No imports: the guard's provider (resource.ts) is closure-serialized.
 */

/** `"3.13"` -> [3, 13]. */
function seriesOf(version: string): [number, number] {
  const [major, minor] = version.split(".").map(Number);
  return [major ?? 0, minor ?? 0];
}

export function cookieRefusal(): string {
  return [
    "rabbitmq-ha:erlangCookie changed on a running cluster: refused, nothing was changed.",
    "Nodes with different cookies cannot talk to each other, so no node can restart with the new cookie while another still runs with the old one:",
    "a cookie rotation takes a planned full stop of every node (a full outage for clients).",
    "To rotate it: plan the outage, set rabbitmq-ha:cluster.allowCookieRotation: true, run the update (every node container is replaced), then set it back to false.",
    "Otherwise restore the previous cookie.",
  ].join("\n");
}

/** A policy as GET /api/policies lists it (fields used here). */
export interface BrokerPolicy {
  readonly vhost: string;
  readonly name: string;
  readonly definition: Readonly<Record<string, unknown>>;
}

/** A feature flag as GET /api/feature-flags lists it (fields used here). */
export interface BrokerFeatureFlag {
  readonly name: string;
  readonly state: string;
  readonly stability?: string;
}

export interface UpgradeFacts {
  readonly policies: readonly BrokerPolicy[];
  readonly featureFlags: readonly BrokerFeatureFlag[];
}

/** True when `from` -> `to` crosses a major version upwards (the broker must be asked first). */
export function isMajorUpgrade(from: string, to: string): boolean {
  return seriesOf(to)[0] > seriesOf(from)[0];
}

/** A downgrade: RabbitMQ never reads data written by a newer series. */
export function downgradeRefusal(from: string, to: string): string | undefined {
  const [a, b] = [seriesOf(from), seriesOf(to)];
  if (b[0] > a[0] || (b[0] === a[0] && b[1] >= a[1])) return undefined;
  return `cluster.version ${from} -> ${to} is a downgrade: refused, nothing was changed. RabbitMQ does not support downgrades (its data from ${from} cannot be read by ${to}); keep version "${from}", or deploy ${to} as a new cluster and move the messages (blue-green).`;
}

/**
 * Pure: why the major upgrade `from` -> `to` cannot start, one line per unmet precondition,
 * each with the step to take; empty when it can roll. Preconditions (RabbitMQ's upgrade guide
 * for 4.0): start from the last 3.x series (3.13), no classic mirroring policy (4.x removed
 * mirroring: such queues would lose their replicas), every stable feature flag enabled.
 */
export function upgradeBlockers(from: string, to: string, facts: UpgradeFacts): string[] {
  const blockers: string[] = [];
  const [major] = seriesOf(from);
  if (major === 3 && from !== "3.13") {
    blockers.push(`the cluster runs ${from}; ${to} upgrades only from 3.13: set version "3.13" (and its image) and update first, then ${to}`);
  }
  const mirroring = facts.policies.filter((p) => Object.keys(p.definition).some((key) => key.startsWith("ha-")));
  if (mirroring.length > 0) {
    const names = mirroring.map((p) => `${p.name} in vhost ${p.vhost}`).join(", ");
    blockers.push(`classic mirroring policies still exist (${names}): ${to} removed mirroring; move those queues to quorum queues, then remove the ha-* keys from the policies and update first`);
  }
  const disabled = facts.featureFlags.filter((f) => f.state !== "enabled" && f.stability !== "experimental").map((f) => f.name);
  if (disabled.length > 0) {
    blockers.push(`feature flags not enabled: ${disabled.join(", ")}: run rabbitmqctl enable_feature_flag all on any node first`);
  }
  return blockers;
}

export function upgradeRefusal(from: string, to: string, blockers: readonly string[]): string {
  return [`cluster.version ${from} -> ${to} is a major upgrade: refused until its preconditions hold, nothing was changed:`, ...blockers.map((b) => `  - ${b}`)].join("\n");
}
