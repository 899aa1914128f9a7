/** The shipped stacks, loaded by the real loader, through the Topology component under mocks. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadStackOrThrow } from "../../../model/load";
import { runTopology } from "./harness";

const root = path.resolve(__dirname, "../../..");

async function declare(stack: string) {
  const model = loadStackOrThrow(root, stack);
  const passwords = Object.fromEntries(model.topology.users.map((u) => [u.name, `${u.name}-pw`]));
  return runTopology((pulumi) => ({
    topology: model.topology, safety: model.safety, version: model.cluster.version, managementEndpoint: model.managementEndpoint,
    adminUser: model.cluster.adminUser, adminPassword: pulumi.secret("pw"), userPasswords: passwords, dependsOn: [],
  }));
}

const mirrorKeys = (definition: Record<string, string>) => Object.keys(definition).filter((k) => k.startsWith("ha-"));

describe("the shipped stacks", () => {
  it("dev (3.13) declares the mirror policies, carried into a classic queue's settings policy; every queue durable with its type", async () => {
    const r = await declare("dev");
    const policies = r.ofType("rabbitmq:index/policy:Policy").map((p) => [p.inputs.name, mirrorKeys(p.inputs.policy.definition)]);
    expect(policies).toEqual([
      ["SALE_HA_POLICY", ["ha-mode", "ha-sync-mode"]],
      ["GP_HA_POLICY", ["ha-mode", "ha-params", "ha-sync-mode"]],
      // Quorum queues skip mirror policies: nothing to carry into theirs.
      ["rabbitmq-ha.queue-settings.PRODUCT_FROM_SALE_QUEUE", []],
      ["rabbitmq-ha.queue-settings.PRODUCT_FROM_SALE_RETRY_QUEUE", []],
      ["rabbitmq-ha.queue-settings.PRODUCT_PRICE_QUEUE", ["ha-mode", "ha-sync-mode"]],
      ["rabbitmq-ha.queue-settings.PRODUCT_STORE_SYNC_QUEUE", []],
      ["rabbitmq-ha.exchange-settings.SALE_TO_PRODUCT_EXCHANGE", []],
    ]);
    for (const q of r.ofType("rabbitmq:index/queue:Queue")) {
      expect([q.inputs.name, q.inputs.settings.durable, typeof JSON.parse(q.inputs.settings.argumentsJson)["x-queue-type"]]).toEqual([q.inputs.name, true, "string"]);
    }
  });

  it("modern (4.1) declares no mirror key anywhere, and protects its queues", async () => {
    const r = await declare("modern");
    const definitions = [...r.ofType("rabbitmq:index/policy:Policy"), ...r.ofType("rabbitmq:index/operatorPolicy:OperatorPolicy")].map((p) => p.inputs.policy.definition);
    expect(definitions.flatMap(mirrorKeys)).toEqual([]);
    const queues = r.ofType("rabbitmq:index/queue:Queue");
    expect(queues.length).toBeGreaterThan(0);
    for (const q of queues) expect([q.inputs.name, q.opts.protect]).toEqual([q.inputs.name, true]);
  });
});
