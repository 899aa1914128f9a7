/** The policy pack's validateResource functions, called with fake arguments (no Pulumi CLI). */
import { describe, expect, it } from "vitest";
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { namingPolicies, type NamingPolicyConfig } from "../../policy/namingPolicies";

const VHOST = "rabbitmq:index/vHost:VHost";
const EXCHANGE = "rabbitmq:index/exchange:Exchange";
const QUEUE = "rabbitmq:index/queue:Queue";

/** Runs every policy of the pack on one resource and collects the violations. */
async function violations(type: string, props: Record<string, unknown>, config: NamingPolicyConfig = {}): Promise<string[]> {
  const reported: string[] = [];
  const args = { type, props, urn: `urn:pulumi:dev::rabbitmq-ha::${type}::r`, name: "r", getConfig: () => config } as unknown as ResourceValidationArgs;
  for (const policy of namingPolicies as ResourceValidationPolicy[]) {
    const validate = policy.validateResource;
    const validators = validate === undefined ? [] : Array.isArray(validate) ? validate : [validate];
    for (const fn of validators) await fn(args, (message) => reported.push(`${policy.name}: ${message}`));
  }
  return reported;
}

describe("naming policy pack", () => {
  it("is mandatory and covers vhosts, exchanges and queues", () => {
    expect(namingPolicies.map((p) => [p.name, p.enforcementLevel])).toEqual([
      ["rabbitmq-vhost-naming", "mandatory"],
      ["rabbitmq-exchange-naming", "mandatory"],
      ["rabbitmq-queue-naming", "mandatory"],
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    [VHOST, { name: "SALE_VHOST" }],
    [EXCHANGE, { name: "SALE_TO_PRODUCT_EXCHANGE", vhost: "SALE_VHOST" }],
    [QUEUE, { name: "PRODUCT_FROM_SALE_QUEUE", vhost: "SALE_VHOST" }],
    ["rabbitmq:index/user:User", { name: "Not_Checked_Here" }],
    ["docker:index/container:Container", { name: "whatever" }],
  ])("passes %s %j", async (type, props) => {
    expect(await violations(type, props)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [EXCHANGE, { name: "sale.events", vhost: "SALE_VHOST" }, ['rabbitmq-exchange-naming: exchange name "sale.events" does not follow the naming convention (must match ^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_EXCHANGE$) in vhost "SALE_VHOST"']],
    [
      QUEUE,
      { name: "amq.SALE/X_QUEUE", vhost: "/" },
      [
        'rabbitmq-queue-naming: queue name "amq.SALE/X_QUEUE" starts with "amq." (reserved for RabbitMQ\'s built-in objects) in vhost "/"',
        'rabbitmq-queue-naming: queue name "amq.SALE/X_QUEUE" contains "/" (not allowed: resource ids are name@vhost and binding ids use "/") in vhost "/"',
        'rabbitmq-queue-naming: queue name "amq.SALE/X_QUEUE" does not follow the naming convention (must match ^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_QUEUE$) in vhost "/"',
      ],
    ],
    [VHOST, { name: "sales" }, ['rabbitmq-vhost-naming: vhost name "sales" does not follow the naming convention (must match ^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_VHOST$)']],
    [QUEUE, { vhost: "SALE_VHOST" }, ['rabbitmq-queue-naming: queue in vhost "SALE_VHOST" has no explicit name (set name: autonamed queues cannot follow the convention)']],
  ])("reports %s %j", async (type, props, expected) => {
    expect(await violations(type, props)).toEqual(expected);
  });

  it("takes the stack's overrides and known systems from the policy config", async () => {
    const config = { queue: "[a-z.]+", systems: ["SALE", "PRODUCT"] };
    expect(await violations(QUEUE, { name: "sale.orders", vhost: "V" }, config)).toEqual([
      'rabbitmq-queue-naming: queue name "sale.orders" does not start with a known system (allowed prefixes: SALE_, PRODUCT_) in vhost "V"',
    ]);
    expect(await violations(EXCHANGE, { name: "PRODUCT_X_EXCHANGE", vhost: "V" }, config)).toEqual([]);
  });
});
