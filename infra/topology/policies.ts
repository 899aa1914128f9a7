import * as rabbitmq from "@pulumi/rabbitmq";
import type { PolicySpec } from "../../model/types";
import { objectChildName } from "./childNames";
import type { BuildContext } from "./context";
import { policyDefinition } from "./policyDefinition";

/**
 * A policy or an operator policy. Pattern, priority, apply-to and definition update in place;
 * only a new name or vhost replaces it (and then create-before-delete is right: the new one has
 * another id, so the objects it matches are never without a policy). Mirror keys appear only
 * where the model has them: validation refuses them on versions that ignore them.
 */
export function declarePolicy(ctx: BuildContext, p: PolicySpec): rabbitmq.Policy | rabbitmq.OperatorPolicy {
  const args = {
    name: p.name,
    vhost: ctx.declared.vhostName(p.vhost),
    policy: { pattern: p.pattern, priority: p.priority, applyTo: p.applyTo, definition: policyDefinition(p.definition) },
  };
  const policy = p.operator
    ? new rabbitmq.OperatorPolicy(objectChildName(ctx.prefix, "operator-policy", p), args, ctx.opts)
    : new rabbitmq.Policy(objectChildName(ctx.prefix, "policy", p), args, ctx.opts);
  ctx.declared.policies.set(p.vhost, [...ctx.declared.policiesOf(p.vhost), policy]);
  return policy;
}
