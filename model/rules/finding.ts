/** What a rule reports: severity, where (file + path) and "what is wrong (what is allowed)". */
import type { Locations, Where } from "../locations";
import type { PathSegment } from "../source/yamlSource";
import { CONFIG_NAMESPACE, type StackKey } from "../schema/stackConfig";

export interface Finding {
  readonly severity: "error" | "warning";
  readonly where: Where;
  readonly message: string;
}

export interface RuleContext {
  /** The stack file, relative to the project (e.g. Pulumi.dev.yaml). */
  readonly stackFile: string;
  readonly locations: Locations;
  /** `file:line:col` of a location, to point at a related object in a message. */
  readonly cite: (where: Where) => string;
}

export const error = (where: Where, message: string): Finding => ({ severity: "error", where, message });
export const warning = (where: Where, message: string): Finding => ({ severity: "warning", where, message });

/** Where a stack key's field is: config.rabbitmq-ha:<key>.<path>. */
export function inStack(context: RuleContext, key: StackKey, ...path: PathSegment[]): Where {
  return { file: context.stackFile, path: ["config", `${CONFIG_NAMESPACE}:${key}`, ...path] };
}
