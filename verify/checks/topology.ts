/**
 * Declared queues, exchanges and policies against what the broker holds, read-only through the
 * management API. Objects the broker has but the config does not declare are not reported:
 * applications may declare their own (reply queues, for instance).
 */
import type { Model } from "../../model/types";
import { CHECK, skip, type Outcome, type PlannedCheck } from "../check";
import { HttpStatusError, type HttpTarget } from "../http";
import { management, type ApiArguments } from "../management";
import { differences, summarise, type ActualObject } from "../topology/compare";
import { expectedExchange, expectedPolicy, expectedQueue, type ExpectedObject } from "../topology/expected";

interface Declared {
  readonly vhost: string;
  readonly name: string;
}

interface Kind<S extends Declared, A extends { readonly name: string }> {
  readonly noun: string;
  /** Objects listed by one call share a key (default: their vhost). */
  readonly listKey?: (spec: S) => string;
  readonly list: (vhost: string, sample: S) => Promise<readonly A[]>;
  readonly expect: (spec: S) => ExpectedObject;
  readonly actual: (found: A) => ActualObject;
}

/** Lists one vhost's objects; undefined when the vhost itself does not exist. */
async function listOrMissing<A>(list: () => Promise<readonly A[]>): Promise<readonly A[] | undefined> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof HttpStatusError && error.status === 404) return undefined;
    throw error;
  }
}

async function compareKind<S extends Declared, A extends { readonly name: string }>(declared: readonly S[], kind: Kind<S, A>): Promise<Outcome> {
  const found: string[] = [];
  const groups = new Map<string, S[]>();
  for (const spec of declared) {
    const key = kind.listKey?.(spec) ?? spec.vhost;
    groups.set(key, [...(groups.get(key) ?? []), spec]);
  }
  for (const specs of groups.values()) {
    const sample = specs[0] as S;
    const listed = await listOrMissing(() => kind.list(sample.vhost, sample));
    if (listed === undefined) {
      found.push(`vhost ${sample.vhost}: missing (${specs.length} declared ${kind.noun} in it)`);
      continue;
    }
    const byName = new Map(listed.map((item) => [item.name, item]));
    for (const spec of specs) {
      const actual = byName.get(spec.name);
      found.push(...differences(kind.expect(spec), actual === undefined ? undefined : kind.actual(actual)));
    }
  }
  return summarise(kind.noun, declared.length, found);
}

const fieldsOf = (object: object, keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, (object as Record<string, unknown>)[key]]));
const argumentsOf = (args: ApiArguments | undefined): ApiArguments => args ?? {};

export function queuesCheck(api: HttpTarget, model: Model): Promise<Outcome> {
  return compareKind(model.topology.queues, {
    noun: "queues",
    list: (vhost) => management.queues(api, vhost),
    expect: expectedQueue,
    actual: (q) => ({ fields: fieldsOf(q, ["type", "durable", "auto_delete"]), arguments: argumentsOf(q.arguments) }),
  });
}

export function exchangesCheck(api: HttpTarget, model: Model): Promise<Outcome> {
  return compareKind(model.topology.exchanges, {
    noun: "exchanges",
    list: (vhost) => management.exchanges(api, vhost),
    expect: expectedExchange,
    actual: (x) => ({ fields: fieldsOf(x, ["type", "durable", "auto_delete", "internal"]), arguments: argumentsOf(x.arguments) }),
  });
}

export function policiesCheck(api: HttpTarget, model: Model): Promise<Outcome> {
  return compareKind(model.topology.policies, {
    noun: "policies",
    listKey: (p) => `${p.vhost} ${p.operator ? "operator" : "user"}`,
    list: (vhost, sample) => management.policies(api, vhost, sample.operator),
    expect: expectedPolicy,
    actual: (p) => ({ fields: fieldsOf(p, ["pattern", "apply-to", "priority"]), arguments: argumentsOf(p.definition) }),
  });
}

export function topologyChecks(api: HttpTarget, model: Model | undefined): PlannedCheck[] {
  const checks: [string, (api: HttpTarget, model: Model) => Promise<Outcome>][] = [
    [CHECK.queues, queuesCheck],
    [CHECK.exchanges, exchangesCheck],
    [CHECK.policies, policiesCheck],
  ];
  return checks.map(([name, check]) => ({
    name,
    run: async () => (model === undefined ? skip("no stack model to compare with (--stack)") : check(api, model)),
  }));
}
