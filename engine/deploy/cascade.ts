/**
 * The engine's dependent replacements for a delete-before-replace (pulumi/pulumi v3.259
 * pkg/resource/deploy/step_generator.go, calculateDependentReplacements and
 * findDependentCascadeReplacements): before a resource is deleted to be replaced, every resource
 * of the old state that is not registered yet in this run and
 *  - takes an input from it through a property that then forces its own replacement (the engine
 *    asks the provider's diff with that input unknown: a ForceNew property replaces), or
 *  - is bound to it as its provider, or names it in `deletedWith` or `replaceWith`,
 * is replaced too and deleted first, dependents of dependents before them. A dependency through
 * `dependsOn` alone does not cascade.
 */
import { factsFor } from "../plan/changeTable";
import type { ResourceState } from "../types";

export interface Dependent {
  readonly resource: ResourceState;
  /** The property through which it depends on the replaced resource. */
  readonly property: string;
  readonly on: string;
}

/** Dependents to replace with `root`, dependents of dependents after their dependency (delete in reverse). */
export function dependentReplacements(root: ResourceState, old: readonly ResourceState[], skip: (urn: string) => boolean): Dependent[] {
  const found: Dependent[] = [];
  const seen = new Set<string>([root.urn]);
  const queue = [root.urn];
  while (queue.length > 0) {
    const urn = queue.shift() as string;
    for (const candidate of old) {
      if (seen.has(candidate.urn) || skip(candidate.urn)) continue;
      const property = forcingProperty(candidate, urn);
      if (property === undefined) continue;
      seen.add(candidate.urn);
      found.push({ resource: candidate, property, on: urn });
      queue.push(candidate.urn);
    }
  }
  return found;
}

function forcingProperty(candidate: ResourceState, dependency: string): string | undefined {
  if (candidate.provider?.startsWith(`${dependency}::`)) return "provider";
  if (candidate.options.deletedWith === dependency) return "deletedWith";
  if (candidate.options.replaceWith.includes(dependency)) return "replaceWith";
  if (!candidate.custom) return undefined;
  const facts = factsFor(candidate.type);
  for (const [property, urns] of Object.entries(candidate.options.propertyDependencies)) {
    if (!urns.includes(dependency)) continue;
    // A dynamic resource's own diff decides; with unknown inputs the engine assumes it replaces.
    const change = facts ? (facts.fields[property] ?? facts.otherwise) : "replace";
    if (change === "replace" || candidate.options.replaceOnChanges.includes(property)) return property;
  }
  return undefined;
}
