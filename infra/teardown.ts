/**
 * A full teardown (`RABBITMQ_HA_TEARDOWN=1 pulumi destroy --run-program`) has nothing left to
 * keep serving: the delete hooks that gate a rolling change (nodes) or hand the VIP over (load
 * balancers) stand aside. The hook arguments do not say whether the engine is destroying the
 * stack or replacing a resource (pulumi/pulumi sdk/nodejs resource.ts ResourceHookArgs carries
 * urn, id, name, type, inputs and outputs only), so the user says it.
 */
export const TEARDOWN_ENV = "RABBITMQ_HA_TEARDOWN";

export function isTeardown(): boolean {
  return process.env[TEARDOWN_ENV] === "1";
}
