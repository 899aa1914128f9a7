/**
 * A resource's diff the way a bridged Terraform provider computes it for the engine: each input
 * the program now declares against what the provider read back into the state after its last
 * create or update (not against the old inputs: a read-back that normalises a value, such as
 * `NET_ADMIN` coming back as `CAP_NET_ADMIN`, is a difference on every later run). Then what
 * the changed inputs force, from the change table. ignoreChanges and replaceOnChanges apply as
 * the engine applies them (pulumi/pulumi pkg/resource/deploy/step_generator.go, diff()).
 */
import * as pulumi from "@pulumi/pulumi";
import type { ResourceOptions, ResourceState } from "../types";
import type { Change, TypeFacts } from "./changeTable";

export interface FieldChange {
  readonly field: string;
  readonly change: Change;
}

export interface Diff {
  readonly kind: "same" | "update" | "replace";
  readonly changes: readonly FieldChange[];
}

const UNKNOWN = pulumi.runtime.unknownValue;

export function diffInputs(facts: TypeFacts, old: ResourceState, news: Record<string, unknown>, options: ResourceOptions): Diff {
  const changes: FieldChange[] = [];
  const fields = new Set([...Object.keys(news), ...Object.keys(old.inputs)]);
  for (const field of [...fields].sort()) {
    if (options.ignoreChanges.includes(field)) continue;
    const next = news[field];
    if (isAbsent(next) && facts.computed.includes(field)) continue;
    const prior = field in old.outputs ? old.outputs[field] : old.inputs[field];
    if (!containsUnknown(next) && canonical(next, field, facts) === canonical(prior, field, facts)) continue;
    const change: Change = options.replaceOnChanges.includes(field) || options.replaceOnChanges.includes("*") ? "replace" : (facts.fields[field] ?? facts.otherwise);
    changes.push({ field, change });
  }
  const kind = changes.some((c) => c.change === "replace") ? "replace" : changes.length > 0 ? "update" : "same";
  return { kind, changes };
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** Terraform's zero values: an empty list, map or string is the same as not set. */
function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isAbsent);
  return false;
}

/** A comparable text for a value: object keys sorted, absent parts dropped, sets sorted, JSON parsed. */
export function canonical(value: unknown, path: string, facts: Pick<TypeFacts, "sets" | "json" | "defaults">): string {
  return JSON.stringify(normalise(value, path, facts)) ?? "null";
}

function normalise(value: unknown, path: string, facts: Pick<TypeFacts, "sets" | "json" | "defaults">): unknown {
  const sets = facts.sets;
  const json = facts.json ?? [];
  if (isAbsent(value)) return undefined;
  if (facts.defaults && path in facts.defaults && facts.defaults[path] === value) return undefined;
  if (typeof value === "string" && json.includes(path)) {
    try {
      return normalise(JSON.parse(value), `${path}#json`, facts);
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => normalise(item, path, facts));
    return sets.includes(path) ? items.map((i) => JSON.stringify(i)).sort().map((t) => JSON.parse(t ?? "null")) : items;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, normalise(v, `${path}.${k}`, facts)] as const)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return Object.fromEntries(entries);
  }
  return value;
}
