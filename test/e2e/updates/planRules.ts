/**
 * What an update scenario's plan may touch: the rules its `expectPlan` is written with.
 */
import type { Step } from "../../../engine/types";
import type { StackConfig } from "./changes";

export const CONTAINER = "docker:index/container:Container";
export const TOPOLOGY = /^rabbitmq:|^pulumi-nodejs:dynamic/;

export function changed(steps: readonly Step[]): Step[] {
  return steps.filter((s) => s.kind !== "same");
}

/** Every change of the plan touches only resources `allowed` accepts. */
export function onlyTouches(steps: readonly Step[], what: string, allowed: (s: Step) => boolean): string | undefined {
  const others = changed(steps).filter((s) => !allowed(s));
  if (changed(steps).length === 0) return `the plan changes nothing, yet it should change ${what}`;
  return others.length === 0 ? undefined : `it should change ${what} only, yet also plans ${others.map((s) => `${s.kind} ${s.name}`).join(", ")}`;
}

export const withObject = (config: StackConfig, key: string, edit: (value: Record<string, unknown>) => Record<string, unknown>): StackConfig => ({
  ...config,
  [key]: edit(config[key] as Record<string, unknown>),
});

export const isNodeContainer = (s: Step): boolean => s.type === CONTAINER && s.name.startsWith("cluster-");
export const isLbContainer = (s: Step): boolean => s.type === CONTAINER && s.name.startsWith("lb-");


export function noContainerTouched(steps: readonly Step[]): string | undefined {
  const touched = changed(steps).filter((s) => s.type === CONTAINER);
  return touched.length === 0 ? undefined : `no container may change, yet it plans ${touched.map((s) => `${s.kind} ${s.name}`).join(", ")}`;
}

export function planned(steps: readonly Step[], kind: Step["kind"], name: string): string | undefined {
  return steps.some((s) => s.kind === kind && s.name === name) ? undefined : `it should ${kind} ${name}, yet plans ${changed(steps).map((s) => `${s.kind} ${s.name}`).join(", ") || "nothing"}`;
}
