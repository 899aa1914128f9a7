/**
 * Policy definitions: known keys only; operator policies only with the keys RabbitMQ allows
 * there; values of the right kind (durations and sizes already converted to ms and bytes);
 * no booleans (the rabbitmq provider cannot express them); keys fit what the policy applies to;
 * the mirroring keys make sense together. ha-* by version: model/rules/versionTopology.ts.
 */
import type { PolicySpec, TopologySpec } from "../types";
import { KNOWN_POLICY_KEYS, OPERATOR_POLICY_KEYS, POLICY_KEYS, type PolicyValueKind } from "../policyKeys";
import { DURATION_ALLOWED, SIZE_ALLOWED, describeValue, parseDuration, parseSize } from "../units";
import { error, type Finding, type RuleContext } from "./finding";

export function checkPolicyKeys(topology: TopologySpec, context: RuleContext): Finding[] {
  return topology.policies.flatMap((policy) => [
    ...Object.entries(policy.definition).flatMap(([name, value]) => {
      const problem = keyProblem(policy, name, value);
      if (!problem) return [];
      return [error({ ...context.locations.of(policy, "definition", name), atKey: problem.atKey }, problem.message)];
    }),
    ...mirroringProblems(policy).map((message) => error(context.locations.of(policy, "definition"), message)),
  ]);
}

function keyProblem(policy: PolicySpec, name: string, value: unknown): { atKey: boolean; message: string } | undefined {
  const spec = POLICY_KEYS[name];
  if (!spec) return { atKey: true, message: `unknown policy key "${name}" (known: ${KNOWN_POLICY_KEYS.join(", ")})` };
  if (policy.operator && !spec.operator) {
    return { atKey: true, message: `"${name}" is not allowed in an operator policy (allowed: ${OPERATOR_POLICY_KEYS.join(", ")})` };
  }
  const wrongTarget = spec.target === "exchanges" ? !["all", "exchanges"].includes(policy.applyTo) : policy.applyTo === "exchanges";
  if (wrongTarget) {
    return { atKey: true, message: `"${name}" configures ${spec.target} but the policy applies to ${policy.applyTo} (set applyTo to ${spec.target} or all)` };
  }
  if (typeof value === "boolean") {
    return { atKey: false, message: `${value} is a boolean (the rabbitmq provider cannot express booleans in a policy; no key here needs one)` };
  }
  const valueProblem = checkValue(spec.value, value);
  return valueProblem === undefined ? undefined : { atKey: false, message: valueProblem };
}

function checkValue(kind: PolicyValueKind, value: unknown): string | undefined {
  const wholeNumber = typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
  switch (kind.kind) {
    case "duration":
      if (wholeNumber) return undefined;
      return typeof value === "string" ? failure(parseDuration(value)) : `${describeValue(value)} is not a duration (milliseconds, or ${DURATION_ALLOWED})`;
    case "size":
      if (wholeNumber) return undefined;
      return typeof value === "string" ? failure(parseSize(value)) : `${describeValue(value)} is not a size (bytes, or ${SIZE_ALLOWED})`;
    case "count":
      return wholeNumber ? undefined : `${describeValue(value)} is not a count (a whole number, 0 or more)`;
    case "text":
    case "exchange":
      return typeof value === "string" && value !== "" ? undefined : `${describeValue(value)} is not a name (a non-empty string)`;
    case "choice":
      return kind.values.includes(value as string | number) ? undefined : `${describeValue(value)} is not allowed (allowed: ${kind.values.join(", ")})`;
    case "haParams": {
      const nodeList = Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string");
      return (typeof value === "number" && Number.isSafeInteger(value) && value >= 1) || nodeList
        ? undefined
        : `${describeValue(value)} is not ha-params (a replica count of 1 or more for ha-mode exactly, or a list of node names for ha-mode nodes)`;
    }
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

function failure(result: { ok: true } | { ok: false; error: string }): string | undefined {
  return result.ok ? undefined : result.error;
}

/** ha-mode decides what ha-params must be. */
function mirroringProblems(policy: PolicySpec): string[] {
  const { "ha-mode": mode, "ha-params": params } = policy.definition;
  if (mode === undefined) {
    const stray = Object.keys(policy.definition).filter((name) => name.startsWith("ha-"));
    return stray.length > 0 ? [`${stray.join(", ")} without ha-mode (add ha-mode: all, exactly or nodes)`] : [];
  }
  if (mode === "all" && params !== undefined) return ["ha-params with ha-mode all (ha-params is for ha-mode exactly or nodes; remove it)"];
  if (mode === "exactly" && typeof params !== "number") return ["ha-mode exactly needs ha-params: a replica count (e.g. ha-params: 2)"];
  if (mode === "nodes" && !Array.isArray(params)) return ["ha-mode nodes needs ha-params: a list of node names (e.g. [rabbit@rabbit-1])"];
  return [];
}
