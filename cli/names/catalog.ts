/**
 * The names applications need, per system (the topology file's `system`), as key paths:
 * the seed's advice that metadata names live in a properties file (`xxx_mq.properties`), not
 * in code. Pure; cli/names/formats.ts writes it as properties, JSON or TypeScript.
 *
 * Keys: `<system>.<kind>.<short>.<field>`, where <short> is the object's name without the
 * system prefix and the type suffix, lower-case, `_` -> `-` ("main" when nothing is left):
 *   sale.exchange.to-product.name=SALE_TO_PRODUCT_EXCHANGE
 *   product.queue.from-sale.bindings[0].routing-key=sale.order.*
 *   product.queue.from-sale.retry.max-attempts=3
 * Objects the retry expansion generated appear only under their work queue.
 */
import { retryObjectNames } from "../../model/derive/retryNames";
import type { BindingSpec, ExchangeSpec, QueueSpec, TopologySpec } from "../../model/types";

export type KeyPath = readonly (string | number)[];
export interface CatalogEntry {
  readonly path: KeyPath;
  readonly value: string | number;
}
export interface SystemCatalog {
  readonly system: string;
  /** Lower-case key prefix, e.g. sale. */
  readonly key: string;
  readonly entries: readonly CatalogEntry[];
}

const keyOf = (text: string) => text.toLowerCase().replace(/_/g, "-");

/** SALE_TO_PRODUCT_EXCHANGE -> to-product; sale-app (a user, no suffix) -> app; SALE_VHOST -> main. */
export function shortKey(name: string, system: string, suffix: string | undefined): string {
  let s = name;
  for (const sep of ["_", "-"]) if (s.toUpperCase().startsWith(`${system.toUpperCase()}${sep}`)) s = s.slice(system.length + 1);
  if (suffix !== undefined && s.toUpperCase() === suffix) s = "";
  if (suffix !== undefined && s.toUpperCase().endsWith(`_${suffix}`)) s = s.slice(0, -suffix.length - 1);
  return s === "" ? "main" : keyOf(s);
}

interface Declared {
  readonly name: string;
  readonly vhost?: string;
  readonly origin: { readonly system: string };
}

/** Short keys per object; same-named objects in two vhosts are told apart by the vhost. */
function shortKeys<T extends Declared>(objects: readonly T[], suffix: string | undefined): Map<T, string> {
  const base = new Map(objects.map((o) => [o, shortKey(o.name, o.origin.system, suffix)]));
  const seen = new Map<string, number>();
  for (const [o, k] of base) seen.set(`${o.origin.system}/${k}`, (seen.get(`${o.origin.system}/${k}`) ?? 0) + 1);
  return new Map([...base].map(([o, k]) => [o, seen.get(`${o.origin.system}/${k}`)! > 1 && o.vhost ? `${k}-in-${keyOf(o.vhost)}` : k]));
}

/** `bindings[i].<other end's kind>` and `bindings[i].routing-key`, from one end's point of view. */
function bindingEntries(prefix: KeyPath, list: readonly BindingSpec[], otherEnd: (b: BindingSpec) => { kind: string; name: string }): CatalogEntry[] {
  return list.flatMap((b, i) => [
    { path: [...prefix, "bindings", i, otherEnd(b).kind], value: otherEnd(b).name },
    { path: [...prefix, "bindings", i, "routing-key"], value: b.routingKey },
  ]);
}

function queueEntries(prefix: KeyPath, q: QueueSpec, incoming: readonly BindingSpec[]): CatalogEntry[] {
  const e = (path: KeyPath, value: string | number | undefined): CatalogEntry[] => (value === undefined ? [] : [{ path: [...prefix, ...path], value }]);
  const retry = q.retry ? retryObjectNames(q.name) : undefined;
  return [
    ...e(["name"], q.name), ...e(["vhost"], q.vhost), ...e(["type"], q.type),
    ...bindingEntries(prefix, incoming, (b) => ({ kind: "exchange", name: b.source })),
    ...(retry ? [] : [...e(["dead-letter", "exchange"], q.deadLetter?.exchange), ...e(["dead-letter", "routing-key"], q.deadLetter?.routingKey)]),
    ...e(["retry", "exchange"], retry?.retryExchange), ...e(["retry", "queue"], retry?.retryQueue),
    ...e(["retry", "interval-ms"], q.retry?.intervalMs), ...e(["retry", "max-attempts"], q.retry?.maxAttempts),
    ...e(["parking", "exchange"], retry?.parkingExchange), ...e(["parking", "queue"], retry?.parkingQueue),
  ];
}

function exchangeEntries(prefix: KeyPath, x: ExchangeSpec, outgoing: readonly BindingSpec[]): CatalogEntry[] {
  return [
    { path: [...prefix, "name"], value: x.name }, { path: [...prefix, "vhost"], value: x.vhost }, { path: [...prefix, "type"], value: x.type },
    ...(x.alternateExchange === undefined ? [] : [{ path: [...prefix, "alternate-exchange"], value: x.alternateExchange }]),
    ...bindingEntries(prefix, outgoing, (b) => ({ kind: b.destinationType, name: b.destination })),
  ];
}

export function nameCatalog(t: TopologySpec): SystemCatalog[] {
  const mine = <T extends { generatedFor?: string | undefined }>(list: readonly T[]) => list.filter((o) => o.generatedFor === undefined);
  const vhosts = shortKeys(t.vhosts, "VHOST");
  const exchanges = shortKeys(mine(t.exchanges), "EXCHANGE");
  const queues = shortKeys(mine(t.queues), "QUEUE");
  const users = shortKeys(t.users, undefined);
  const bindings = mine(t.bindings);
  const bySystem = new Map<string, CatalogEntry[]>();
  const add = (system: string, entries: CatalogEntry[]) => bySystem.set(system, [...(bySystem.get(system) ?? []), ...entries]);
  const at = (system: string, kind: string, short: string): KeyPath => [keyOf(system), kind, short];

  for (const [v, k] of vhosts) add(v.origin.system, [{ path: [...at(v.origin.system, "vhost", k), "name"], value: v.name }]);
  for (const [x, k] of exchanges) {
    add(x.origin.system, exchangeEntries(at(x.origin.system, "exchange", k), x, bindings.filter((b) => b.vhost === x.vhost && b.source === x.name)));
  }
  for (const [q, k] of queues) {
    const incoming = bindings.filter((b) => b.vhost === q.vhost && b.destinationType === "queue" && b.destination === q.name);
    add(q.origin.system, queueEntries(at(q.origin.system, "queue", k), q, incoming));
  }
  for (const [u, k] of users) add(u.origin.system, [{ path: [...at(u.origin.system, "user", k), "name"], value: u.name }]);
  return [...bySystem].map(([system, entries]) => ({ system, key: keyOf(system), entries }));
}
