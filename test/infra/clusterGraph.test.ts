import { describe, expect, it } from "vitest";
import { nodeWaitTimeoutSeconds } from "../../infra/cluster/nodeHealth";
import { loadStackOrThrow } from "../../model/load";
import { SEED_DISCOVERY } from "../../render/clusterSeed";
import { PEERS_CONF_PATH } from "../../render/clusterPeers";
import { ERLANG_COOKIE_PATH, RABBITMQ_CONF_PATH } from "../../render/nodeFiles";
import { CONTAINER, containers, label, named, ofType, projectDir, run, upload } from "./program";

describe.each(["dev", "modern"])("the %s stack's Docker resources", (stack) => {
  it("are 3 RabbitMQ and 2 load-balancer containers on one network, each node with its own volume", async () => {
    const { resources } = await run(stack);
    expect(containers(resources, "node")).toHaveLength(3);
    expect(containers(resources, "loadbalancer")).toHaveLength(2);
    expect(ofType(resources, CONTAINER)).toHaveLength(5);
    expect(ofType(resources, "docker:index/network:Network")).toHaveLength(1);
    expect(ofType(resources, "docker:index/volume:Volume")).toHaveLength(3);
    expect(ofType(resources, "pulumi:providers:docker")).toHaveLength(1);
  });

  it("give every container a fixed name, hostname and address, an explicit provider, a healthcheck and wait", async () => {
    const { resources } = await run(stack);
    const provider = ofType(resources, "pulumi:providers:docker")[0]!;
    for (const c of ofType(resources, CONTAINER)) {
      expect(c.inputs["name"]).toBe(`rabbitmq-ha-${stack}-${c.inputs["hostname"]}`);
      expect((c.inputs["networksAdvanced"] as { ipv4Address: string }[])[0]?.ipv4Address).toMatch(/^172\.28\.\d+\.\d+$/);
      expect(c.provider?.startsWith(`${provider.urn}::`)).toBe(true);
      expect((c.inputs["healthcheck"] as { tests: string[] }).tests.length).toBeGreaterThan(1);
      expect(c.inputs["wait"]).toBe(true);
      expect(c.inputs["restart"]).toBe("unless-stopped");
      expect(label(c, "rabbitmq-ha.stack")).toBe(stack);
    }
  });

  it("let same-host peers resolve each other through Docker's DNS (their alias), with no /etc/hosts entries", async () => {
    const { resources } = await run(stack);
    for (const node of containers(resources, "node")) {
      expect((node.inputs["networksAdvanced"] as { aliases: string[] }[])[0]?.aliases).toEqual([node.inputs["hostname"]]);
      expect(node.inputs["hosts"] ?? []).toEqual([]);
    }
  });

  it("gate every node container with the cluster's hooks and keep existing nodes' peer lists", async () => {
    const { resources } = await run(stack);
    for (const node of containers(resources, "node")) {
      expect(node.options.hooks).toEqual({ beforeDelete: ["cluster-node-before-delete"], afterCreate: ["cluster-node-after-create"], afterDelete: ["cluster-node-after-delete"] });
      const peers = upload(node, PEERS_CONF_PATH);
      expect(node.options.ignoreChanges).toEqual([`uploads[${(node.inputs["uploads"] as unknown[]).indexOf(peers)}].content`]);
    }
    for (const volume of ofType(resources, "docker:index/volume:Volume")) expect(volume.options.retainOnDelete).toBe(true);
  });

  it("deliver the cookie as a file owned by rabbitmq with mode 0400, and nothing through the environment", async () => {
    const { resources } = await run(stack);
    for (const node of containers(resources, "node")) {
      const cookie = upload(node, ERLANG_COOKIE_PATH);
      expect([cookie.owner, cookie.group, cookie.permissions]).toEqual(["999", "999", "0400"]);
      expect(node.secretPaths).toContain(`uploads[${(node.inputs["uploads"] as unknown[]).indexOf(cookie)}].content`);
      expect(upload(node, PEERS_CONF_PATH).content).toContain(`cluster_formation.classic_config.nodes.1 = rabbit@`);
    }
    for (const c of ofType(resources, CONTAINER)) expect(c.inputs["envs"]).toBeUndefined();
  });
});

describe("start order", () => {
  it("chains the nodes: the disc seed first, then each node after the previous one's container (dev: the seed's layout)", async () => {
    const { resources } = await run("dev");
    const nodes = containers(resources, "node");
    const disc = named(resources, "cluster-rabbit-disc1-container");
    expect(nodes[0]).toBe(disc);
    expect(disc.dependencies.filter((urn) => urn.includes(CONTAINER))).toEqual([]);
    nodes.slice(1).forEach((node, i) => {
      expect(upload(node, RABBITMQ_CONF_PATH).content).toContain("cluster_formation.node_type = ram");
      expect(node.dependencies.filter((urn) => urn.includes(CONTAINER))).toEqual([nodes[i]!.urn]);
    });
  });

  it("waits for the seed as long as its bounded discovery needs, for the others as long as the stack's retries need", async () => {
    const { resources } = await run("dev");
    const { cluster } = loadStackOrThrow(projectDir, "dev");
    const [seed, ...others] = containers(resources, "node");
    expect(seed!.inputs["waitTimeout"]).toBe(nodeWaitTimeoutSeconds(SEED_DISCOVERY));
    const stackRetries = { limit: cluster.discoveryRetryLimit, intervalMs: cluster.discoveryRetryIntervalMs };
    for (const n of others) expect(n.inputs["waitTimeout"]).toBe(nodeWaitTimeoutSeconds(stackRetries));
  });

  it("chains the disc nodes one after another too (modern)", async () => {
    const { resources } = await run("modern");
    const nodes = containers(resources, "node");
    nodes.slice(1).forEach((node, i) => expect(node.dependencies.filter((urn) => urn.includes(CONTAINER))).toEqual([nodes[i]!.urn]));
  });

  it("starts the load balancers only after every node is healthy", async () => {
    const { resources } = await run("dev");
    const nodeUrns = containers(resources, "node").map((n) => n.urn);
    for (const lb of containers(resources, "loadbalancer")) expect(lb.dependencies).toEqual(expect.arrayContaining(nodeUrns));
  });
});
