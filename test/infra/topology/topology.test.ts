import type * as pulumiTypes from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import type { SafetySpec } from "../../../model/types";
import { type RecordedResource, runTopology, type TopologyRun } from "./harness";
import { shippedLikeTopology } from "./shippedLike";
import { deriveSettingsPolicies } from "../../../model/derive/settingsPolicies";

const T = {
  provider: "pulumi:providers:rabbitmq",
  vhost: "rabbitmq:index/vHost:VHost",
  exchange: "rabbitmq:index/exchange:Exchange",
  queue: "rabbitmq:index/queue:Queue",
  binding: "rabbitmq:index/binding:Binding",
  policy: "rabbitmq:index/policy:Policy",
  operatorPolicy: "rabbitmq:index/operatorPolicy:OperatorPolicy",
  user: "rabbitmq:index/user:User",
  permissions: "rabbitmq:index/permissions:Permissions",
  settings: "pulumi-nodejs:dynamic/rabbitmq-ha:VhostSettings",
};
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

let ready: pulumiTypes.Resource[] = [];
function run(safety: SafetySpec = { protectQueues: true, retainQueuesOnDelete: false }): Promise<TopologyRun> {
  return runTopology((pulumi) => {
    // Stands for a healthy container (infra/cluster), the kind of resource index.ts passes.
    class Container extends pulumi.CustomResource {
      constructor(name: string) {
        super("docker:index/container:Container", name, {});
      }
    }
    ready = [new Container("rabbit-1")];
    return {
      topology: shippedLikeTopology(),
      safety,
      version: "4.1",
      managementEndpoint: "http://172.28.9.220:15672",
      adminUser: "admin",
      adminPassword: pulumi.secret("admin-pw"),
      userPasswords: { "product-app": pulumi.secret("pa"), "sale-ops": pulumi.secret("so") },
      dependsOn: ready,
    };
  });
}
const argumentsOf = (r: RecordedResource) => JSON.parse(r.inputs.settings.argumentsJson);

describe("Topology provider and dependencies", () => {
  it("declares one explicit provider at the management endpoint, password secret, after the containers", async () => {
    const r = await run();
    const [provider, ...others] = r.ofType(T.provider);
    expect(others).toEqual([]);
    expect(provider!.name).toBe("topology-provider");
    expect(provider!.inputs).toEqual({ endpoint: "http://172.28.9.220:15672", username: "admin", password: { [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "admin-pw" } });
    expect(provider!.opts.dependsOn).toHaveLength(1);
    expect((provider!.opts.dependsOn as pulumiTypes.Resource[])[0]).toBe(ready[0]);
  });

  it("creates every rabbitmq object through that provider, as a child of the component", async () => {
    const r = await run();
    const providerRef = `${await r.urnOf(r.byName("topology-provider").resource!)}::topology-provider-id`;
    const objects = r.resources.filter((x) => x.type.startsWith("rabbitmq:"));
    // 2 vhosts, 5 + 2 exchanges, 5 queues (3 + retry + parking), 5 + 3 bindings, 3 + 4 queue-settings policies, 2 users, 3 permissions
    expect(objects).toHaveLength(35);
    for (const o of objects) expect([o.name, o.provider]).toEqual([o.name, providerRef]);
    for (const o of r.resources.filter((x) => x.type !== "rabbitmq-ha:topology:Topology" && x.type !== "docker:index/container:Container")) {
      expect([o.name, o.opts.parent?.constructor.name]).toEqual([o.name, "Topology"]);
    }
  });

  it("reports the application users' names", async () => {
    expect((await run()).userNames).toEqual(["product-app", "sale-ops"]);
  });
});

describe("queues", () => {
  it("are durable with only declare-time arguments, as JSON whose numbers are numbers (the rest is their policy's)", async () => {
    const r = await run();
    const price = r.byName("topology-queue-PRODUCT_PRICE_QUEUE@SALE_VHOST");
    expect(price.inputs.settings.durable).toBe(true);
    expect(argumentsOf(price)).toStrictEqual({ "x-queue-type": "classic" });
    expect(argumentsOf(r.byName("topology-queue-PRODUCT_STORE_SYNC_QUEUE@PRODUCT_VHOST"))).toStrictEqual({
      "x-queue-type": "quorum", "x-single-active-consumer": true, "x-quorum-initial-group-size": 3,
    });
  });

  it("include the retry expansion, named by the conventions", async () => {
    const r = await run();
    expect(r.ofType(T.queue).map((q) => q.inputs.name)).toEqual([
      "PRODUCT_FROM_SALE_QUEUE", "PRODUCT_FROM_SALE_RETRY_QUEUE", "PRODUCT_FROM_SALE_PARKING_QUEUE", "PRODUCT_PRICE_QUEUE", "PRODUCT_STORE_SYNC_QUEUE",
    ]);
    expect(argumentsOf(r.byName("topology-queue-PRODUCT_FROM_SALE_RETRY_QUEUE@SALE_VHOST"))).toStrictEqual({ "x-queue-type": "quorum" });
    expect(r.byName("topology-policy-rabbitmq-ha.queue-settings.PRODUCT_FROM_SALE_RETRY_QUEUE@SALE_VHOST").inputs.policy.definition).toStrictEqual({
      "message-ttl": "120000", "dead-letter-exchange": "PRODUCT_FROM_SALE_RETRY_EXCHANGE", "dead-letter-routing-key": "PRODUCT_FROM_SALE_QUEUE",
    });
  });

  it.each([
    [{ protectQueues: true, retainQueuesOnDelete: false }],
    [{ protectQueues: false, retainQueuesOnDelete: true }],
  ])("and vhosts carry the safety flags %j; nothing else does", async (safety) => {
    const r = await run(safety);
    const flags = (x: RecordedResource) => [x.opts.protect, x.opts.retainOnDelete];
    for (const x of [...r.ofType(T.queue), ...r.ofType(T.vhost)]) expect([x.name, ...flags(x)]).toEqual([x.name, safety.protectQueues, safety.retainQueuesOnDelete]);
    for (const x of [...r.ofType(T.exchange), ...r.ofType(T.binding)]) expect([x.name, ...flags(x)]).toEqual([x.name, undefined, undefined]);
  });

  it("are replaced delete-first, like exchanges and bindings (a replacement has the same name)", async () => {
    const r = await run();
    for (const x of [...r.ofType(T.queue), ...r.ofType(T.exchange), ...r.ofType(T.binding)]) expect([x.name, x.opts.deleteBeforeReplace]).toEqual([x.name, true]);
  });
});

describe("exchanges", () => {
  it("send type and durability; the alternate exchange goes to the exchange's policy, not an argument", async () => {
    const r = await run();
    expect(r.byName("topology-exchange-SALE_TO_PRODUCT_EXCHANGE@SALE_VHOST").inputs).toEqual({
      name: "SALE_TO_PRODUCT_EXCHANGE", vhost: "SALE_VHOST",
      settings: { type: "topic", durable: true, autoDelete: false },
    });
  });
});

describe("bindings", () => {
  it("are replaced with the queue and the exchange they join", async () => {
    const r = await run();
    const b = r.byName("topology-binding-SALE_TO_PRODUCT_EXCHANGE>queue:PRODUCT_FROM_SALE_QUEUE@SALE_VHOST#sale.order.*");
    const ends = await Promise.all((b.opts.replaceWith ?? []).map((x) => r.urnOf(x)));
    expect(ends.map((u) => u.split("::").pop())).toEqual(["topology-exchange-SALE_TO_PRODUCT_EXCHANGE@SALE_VHOST", "topology-queue-PRODUCT_FROM_SALE_QUEUE@SALE_VHOST"]);
  });

  it("replace only with the ends this topology declares", async () => {
    const r = await run();
    const b = r.byName("topology-binding-SALE_TO_PRODUCT_UNROUTED_EXCHANGE>exchange:SALE_TO_PRODUCT_UNROUTED_EXCHANGE_COPY@SALE_VHOST");
    expect(await Promise.all((b.opts.replaceWith ?? []).map((x) => r.urnOf(x)))).toHaveLength(1);
    expect(b.inputs).toEqual({ vhost: "SALE_VHOST", source: "SALE_TO_PRODUCT_UNROUTED_EXCHANGE", destination: "SALE_TO_PRODUCT_UNROUTED_EXCHANGE_COPY", destinationType: "exchange", routingKey: "" });
  });

  it("send header arguments as typed JSON and are named apart by them", async () => {
    const r = await run();
    const [headers] = r.ofType(T.binding).filter((b) => b.inputs.source === "PRODUCT_MATCH_EXCHANGE");
    expect(JSON.parse(headers!.inputs.argumentsJson)).toStrictEqual({ "x-match": "all", region: 7, vip: true });
    expect(headers!.name).toMatch(/^topology-binding-PRODUCT_MATCH_EXCHANGE>queue:PRODUCT_PRICE_QUEUE@SALE_VHOST~[0-9a-f]{12}$/);
  });

  it("include the retry wiring", async () => {
    const r = await run();
    const retry = r.ofType(T.binding).filter((b) => b.inputs.source.startsWith("PRODUCT_FROM_SALE_"));
    expect(retry.map((b) => [b.inputs.source, b.inputs.destination, b.inputs.routingKey])).toEqual([
      ["PRODUCT_FROM_SALE_RETRY_EXCHANGE", "PRODUCT_FROM_SALE_RETRY_QUEUE", "PRODUCT_FROM_SALE_RETRY_QUEUE"],
      ["PRODUCT_FROM_SALE_RETRY_EXCHANGE", "PRODUCT_FROM_SALE_QUEUE", "PRODUCT_FROM_SALE_QUEUE"],
      ["PRODUCT_FROM_SALE_PARKING_EXCHANGE", "PRODUCT_FROM_SALE_PARKING_QUEUE", ""],
    ]);
  });
});

describe("policies", () => {
  it("send definitions as strings the provider converts, operator policies apart", async () => {
    const r = await run();
    expect(r.ofType(T.policy).map((p) => [p.inputs.name, p.inputs.policy.definition])).toEqual([
      ["SALE_HA_POLICY", { "ha-mode": "exactly", "ha-params": "2", "ha-sync-mode": "automatic" }],
      ["PINNED", { "ha-mode": "nodes", "ha-params": "rabbit@a,rabbit@b" }],
      ["rabbitmq-ha.queue-settings.PRODUCT_FROM_SALE_QUEUE", { "dead-letter-exchange": "PRODUCT_FROM_SALE_RETRY_EXCHANGE", "dead-letter-routing-key": "PRODUCT_FROM_SALE_RETRY_QUEUE" }],
      ["rabbitmq-ha.queue-settings.PRODUCT_FROM_SALE_RETRY_QUEUE", { "message-ttl": "120000", "dead-letter-exchange": "PRODUCT_FROM_SALE_RETRY_EXCHANGE", "dead-letter-routing-key": "PRODUCT_FROM_SALE_QUEUE" }],
      [
        "rabbitmq-ha.queue-settings.PRODUCT_PRICE_QUEUE",
        {
          "ha-mode": "exactly", "ha-params": "2", "ha-sync-mode": "automatic", "message-ttl": "600000", "max-length": "100000", overflow: "reject-publish-dlx",
          "dead-letter-exchange": "PRODUCT_DLX_EXCHANGE", "dead-letter-routing-key": "price.dead",
        },
      ],
      ["rabbitmq-ha.queue-settings.PRODUCT_STORE_SYNC_QUEUE", { "max-length-bytes": "536870912", "delivery-limit": "5" }],
      // The exchange's alternate exchange, by policy (in place when it changes).
      ["rabbitmq-ha.exchange-settings.SALE_TO_PRODUCT_EXCHANGE", { "alternate-exchange": "SALE_TO_PRODUCT_UNROUTED_EXCHANGE" }],
    ]);
    expect(r.ofType(T.operatorPolicy).map((p) => p.inputs)).toEqual([
      { name: "PRODUCT_PRICE_LIMITS", vhost: "SALE_VHOST", policy: { pattern: "^PRODUCT_PRICE_QUEUE$", priority: 10, applyTo: "queues", definition: { "max-length-bytes": "268435456" } } },
    ]);
  });
  it("are declared before the queues of their vhost, which wait for them", async () => {
    const r = await run();
    const policyUrns = async (vhost: string) =>
      (await Promise.all([...r.ofType(T.policy), ...r.ofType(T.operatorPolicy)].filter((p) => p.inputs.vhost === vhost).map((p) => r.urnOf(p.resource!)))).sort();
    for (const q of r.ofType(T.queue)) {
      const after = await Promise.all(((q.opts.dependsOn ?? []) as pulumiTypes.Resource[]).map((x) => r.urnOf(x)));
      expect([q.name, after.sort()]).toEqual([q.name, await policyUrns(q.inputs.vhost)]);
    }
    expect((await policyUrns("SALE_VHOST")).length).toBeGreaterThan(0);
  });
});

describe("users and permissions", () => {
  it("give each user a secret password, its tags, and least-privilege permissions per granted vhost", async () => {
    const r = await run();
    const ops = r.byName("topology-user-sale-ops");
    expect([ops.inputs.password, ops.inputs.tags]).toEqual([{ [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "so" }, ["monitoring"]]);
    expect(ops.opts.additionalSecretOutputs).toContain("password");
    expect(r.ofType(T.permissions).map((p) => [p.name, p.inputs.permissions])).toEqual([
      ["topology-permissions-product-app@PRODUCT_VHOST", { configure: "^$", write: "^PRODUCT_STORE_EXCHANGE$", read: "^PRODUCT_STORE_SYNC_QUEUE$" }],
      ["topology-permissions-product-app@SALE_VHOST", { configure: "^$", write: "^PRODUCT_FROM_SALE_PARKING_EXCHANGE$", read: "^(?:PRODUCT_FROM_SALE_QUEUE|PRODUCT_PRICE_QUEUE)$" }],
      ["topology-permissions-sale-ops@SALE_VHOST", { configure: "^$", write: "^SALE_TO_PRODUCT_EXCHANGE$", read: "^$" }],
    ]);
  });

  it("refuses a user without a password", async () => {
    await expect(runTopology((pulumi) => ({
      topology: shippedLikeTopology(), safety: { protectQueues: false, retainQueuesOnDelete: false }, version: "4.1",
      managementEndpoint: "http://x:15672", adminUser: "admin", adminPassword: pulumi.secret("pw"),
      userPasswords: { "sale-ops": pulumi.secret("so") }, dependsOn: [],
    }))).rejects.toThrow("no password for user product-app (userPasswords has sale-ops)");
  });
});

describe("vhost operations settings", () => {
  it("declares one VhostSettings per vhost, after its vhost, with the model's settings", async () => {
    const r = await run();
    const settings = r.ofType(T.settings);
    expect(settings.map((s) => [s.name, s.inputs.kind, s.inputs.settings])).toEqual([
      ["topology-vhost-settings-SALE_VHOST", "rabbitmq-ha:VhostSettings", { vhost: "SALE_VHOST", description: "Orders flowing from sale.", tracing: false, maxConnections: 500, maxQueues: 200 }],
      ["topology-vhost-settings-PRODUCT_VHOST", "rabbitmq-ha:VhostSettings", { vhost: "PRODUCT_VHOST", description: "", tracing: true, defaultQueueType: "quorum" }],
    ]);
    const after = await Promise.all(((settings[0]!.opts.dependsOn ?? []) as pulumiTypes.Resource[]).map((x) => r.urnOf(x)));
    expect(after.map((u) => u.split("::").pop())).toEqual(["topology-vhost-SALE_VHOST"]);
    expect(settings[0]!.inputs.connection).toEqual({
      [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270",
      value: { endpoint: "http://172.28.9.220:15672", username: "admin", password: "admin-pw" },
    });
    expect(settings[0]!.opts.additionalSecretOutputs).toEqual(["connection"]);
  });
});

describe("a changed queue TTL", () => {
  it("changes only the inputs of that queue's settings policy (a policy update, no queue replacement)", async () => {
    const inputsByName = async (ttl: number) => {
      const r = await runTopology((pulumi) => {
        const base = shippedLikeTopology();
        const topology = deriveSettingsPolicies({ ...base, queues: base.queues.map((q) => (q.name === "PRODUCT_PRICE_QUEUE" ? { ...q, messageTtlMs: ttl } : q)) }, "4.1", []);
        return { topology, safety: { protectQueues: true, retainQueuesOnDelete: false }, version: "4.1", managementEndpoint: "http://172.28.9.220:15672", adminUser: "admin", adminPassword: pulumi.secret("pw"), userPasswords: { "product-app": pulumi.secret("pa"), "sale-ops": pulumi.secret("so") }, dependsOn: [] };
      });
      return new Map(r.resources.filter((x) => x.type.startsWith("rabbitmq:")).map((x) => [x.name, JSON.stringify(x.inputs)]));
    };
    const before = await inputsByName(600_000);
    const after = await inputsByName(1_200_000);
    expect([...before.keys()]).toEqual([...after.keys()]);
    expect([...before.keys()].filter((name) => before.get(name) !== after.get(name))).toEqual(["topology-policy-rabbitmq-ha.queue-settings.PRODUCT_PRICE_QUEUE@SALE_VHOST"]);
  });
});
