/**
 * Least-privilege permission patterns from a user's grants: one entry per vhost it has a grant
 * in, nothing anywhere else (without an entry the broker refuses the connection to that vhost).
 *
 * - configure `^$`: applications declare nothing; the topology is declared here. (A passive
 *   declare still works: the broker checks no permission for it.)
 * - write: exactly the exchanges it publishes to. Not their alternate exchanges: RabbitMQ checks
 *   write on an alternate exchange only when a client *declares* an exchange with the
 *   `alternate-exchange` argument (exchange.declare: read on the exchange, write on the AE);
 *   routing an unroutable message to the AE at publish time checks nothing
 *   (rabbit_exchange:route follows it). Our exchanges are declared by the admin, so granting the
 *   AE would only let the publisher write to it directly. (Seen on RabbitMQ 3.10.8: a publisher
 *   with write on the exchange only gets its unroutable messages into the AE's queue, and is
 *   refused ACCESS_REFUSED when it publishes to the AE itself.)
 * - read: exactly the queues it consumes. Dead-lettering (reject -> retry queue) needs no grant.
 *
 * `^$` matches only the empty name, and no resource is named "": the default exchange is
 * `amq.default` in permission checks. Patterns are anchored, names regex-escaped and sorted so
 * that reordering a config file does not change a permission.
 */
import type { UserSpec } from "../types";

export const NOTHING = "^$";

export interface VhostPermissions {
  readonly vhost: string;
  readonly configure: string;
  readonly write: string;
  readonly read: string;
}

/** Escapes every character PCRE (the broker's `re`) treats as special outside a class. */
export function escapeRegex(name: string): string {
  return name.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");
}

/** `^(?:A|B)$` for exactly these names; `^$` for none. */
export function exactNamesPattern(names: readonly string[]): string {
  const unique = [...new Set(names)].sort();
  if (unique.length === 0) return NOTHING;
  if (unique.length === 1) return `^${escapeRegex(unique[0]!)}$`;
  return `^(?:${unique.map(escapeRegex).join("|")})$`;
}

export function derivePermissions(user: UserSpec): VhostPermissions[] {
  const byVhost = new Map<string, { publishes: string[]; consumes: string[] }>();
  for (const grant of user.grants) {
    const entry = byVhost.get(grant.vhost) ?? { publishes: [], consumes: [] };
    entry.publishes.push(...grant.publishes);
    entry.consumes.push(...grant.consumes);
    byVhost.set(grant.vhost, entry);
  }
  return [...byVhost.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([vhost, { publishes, consumes }]) => ({
      vhost,
      configure: NOTHING,
      write: exactNamesPattern(publishes),
      read: exactNamesPattern(consumes),
    }));
}
