/**
 * The naming conventions as Pulumi policies, checked at preview on every rabbitmq VHost,
 * Exchange and Queue resource, including resources declared outside our config files.
 * The rules themselves are model/rules/naming.ts; only the resource plumbing lives here.
 */
import type { PolicyConfigSchema, ResourceValidationArgs, ResourceValidationPolicy, ReportViolation } from "@pulumi/policy";
import type { NamingRules } from "../model/types";
import { DEFAULT_NAMING } from "../model/schema/naming";
import { checkName, type NamedKind } from "../model/rules/naming";

/** Policy configuration (`--policy-pack-config`): the stack's naming overrides, and known systems. */
export interface NamingPolicyConfig {
  readonly vhost?: string;
  readonly exchange?: string;
  readonly queue?: string;
  /** When set, names must start with one of `<system>_` (resources have no file to take a system from). */
  readonly systems?: readonly string[];
}

const configSchema: PolicyConfigSchema = {
  properties: {
    vhost: { type: "string", default: DEFAULT_NAMING.vhost, description: "Regular expression vhost names match." },
    exchange: { type: "string", default: DEFAULT_NAMING.exchange, description: "Regular expression exchange names match." },
    queue: { type: "string", default: DEFAULT_NAMING.queue, description: "Regular expression queue names match." },
    systems: { type: "array", items: { type: "string" }, default: [], description: "Systems names may start with (SALE, PRODUCT...); empty: any." },
  },
};

interface Target {
  readonly policy: string;
  readonly kind: Exclude<NamedKind, "user">;
  readonly type: string;
  readonly description: string;
}

const TARGETS: readonly Target[] = [
  { policy: "rabbitmq-vhost-naming", kind: "vhost", type: "rabbitmq:index/vHost:VHost", description: "Vhost names follow the naming convention." },
  { policy: "rabbitmq-exchange-naming", kind: "exchange", type: "rabbitmq:index/exchange:Exchange", description: "Exchange names follow the naming convention." },
  { policy: "rabbitmq-queue-naming", kind: "queue", type: "rabbitmq:index/queue:Queue", description: "Queue names follow the naming convention." },
];

function rulesFrom(config: NamingPolicyConfig): NamingRules {
  return {
    vhost: config.vhost ?? DEFAULT_NAMING.vhost,
    exchange: config.exchange ?? DEFAULT_NAMING.exchange,
    queue: config.queue ?? DEFAULT_NAMING.queue,
    user: DEFAULT_NAMING.user,
    requireSystemPrefix: false,
  };
}

/** Problems with one resource's name, as violation messages. */
export function namingViolations(kind: Target["kind"], props: Record<string, unknown>, config: NamingPolicyConfig): string[] {
  const name = props["name"];
  const where = kind === "vhost" ? "" : ` in vhost "${String(props["vhost"] ?? "/")}"`;
  if (typeof name !== "string") return [`${kind}${where} has no explicit name (set name: autonamed ${kind}s cannot follow the convention)`];
  const problems = checkName(kind, name, rulesFrom(config));
  const systems = config.systems ?? [];
  if (systems.length > 0 && !systems.some((system) => name.startsWith(`${system}_`))) {
    problems.push(`${kind} name "${name}" does not start with a known system (allowed prefixes: ${systems.map((s) => `${s}_`).join(", ")})`);
  }
  return problems.map((problem) => `${problem}${where}`);
}

function validate(target: Target) {
  return (args: ResourceValidationArgs, reportViolation: ReportViolation): void => {
    if (args.type !== target.type) return;
    for (const message of namingViolations(target.kind, args.props, args.getConfig<NamingPolicyConfig>())) reportViolation(message);
  };
}

export const namingPolicies: ResourceValidationPolicy[] = TARGETS.map((target) => ({
  name: target.policy,
  description: target.description,
  enforcementLevel: "mandatory",
  configSchema,
  validateResource: validate(target),
}));
