import { describe, expect, it } from "vitest";
import { checkClusterVersion } from "../../../model/rules/versionCluster";
import { context, lines, stackOf, type Raw } from "../fixtures";

const check = (change: (stack: Raw) => void) => lines(checkClusterVersion(stackOf(change).cluster, context()));
const withRamNodes = (version: string) => (s: Raw) => {
  s.cluster.version = version;
  s.cluster.nodes[1].type = "ram";
  s.cluster.nodes[2].type = "ram";
};

describe("cluster version rules", () => {
  it("accepts three disc nodes on every series", () => {
    for (const version of ["3.10", "3.13", "4.0", "4.3"]) expect(check((s) => (s.cluster.version = version))).toEqual([]);
  });

  it.each(["3.10", "3.13", "4.0", "4.1"])("warns about RAM nodes on %s (deprecated)", (version) => {
    expect(check(withRamNodes(version))).toEqual(
      [1, 2].map(
        (i) =>
          `warning Pulumi.test.yaml config.rabbitmq-ha:cluster.nodes[${i}].type: node "rabbit-${i + 1}" is a RAM node: deprecated since 2021 and gone in RabbitMQ 4.2 (disc nodes are the supported choice)`,
      ),
    );
  });

  it("refuses RAM nodes on 4.2 (Khepri) and 4.3 (schema)", () => {
    expect(check(withRamNodes("4.2"))[0]).toBe(
      'error Pulumi.test.yaml config.rabbitmq-ha:cluster.nodes[1].type: node "rabbit-2" is a RAM node: RabbitMQ 4.2 cannot run RAM nodes: with Khepri, the default metadata store of new 4.2 clusters, a RAM node fails to join and ends up standalone (allowed: disc)',
    );
    expect(check(withRamNodes("4.3"))).toEqual([
      'error Pulumi.test.yaml config.rabbitmq-ha:cluster.nodes[1].type: node "rabbit-2" is a RAM node: RabbitMQ 4.3 refuses RAM nodes: its config schema accepts only "disc" (allowed: disc)',
      'error Pulumi.test.yaml config.rabbitmq-ha:cluster.nodes[2].type: node "rabbit-3" is a RAM node: RabbitMQ 4.3 refuses RAM nodes: its config schema accepts only "disc" (allowed: disc)',
    ]);
  });

  it("refuses a cluster without a disc node", () => {
    expect(
      check((s) => {
        s.cluster.version = "3.13";
        for (const node of s.cluster.nodes) node.type = "ram";
      }).filter((line) => line.startsWith("error")),
    ).toEqual(["error Pulumi.test.yaml config.rabbitmq-ha:cluster.nodes: the cluster has no disc node (at least one: a node restarting syncs its metadata from disc nodes only)"]);
  });

  it.each(["rabbitmq:4.1-management", "rabbitmq:4.1", "rabbitmq:4.1.2-management-alpine", "docker.io/library/rabbitmq:4.1", "my-registry/rabbit:3.13"])(
    "accepts image %s with version 4.1 (official tags must match, others are the user's business)",
    (image) => {
      expect(check((s) => (s.cluster.image = image))).toEqual([]);
    },
  );

  it("refuses an official image of another series than version", () => {
    expect(check((s) => (s.cluster.image = "rabbitmq:3.13-management"))).toEqual([
      'error Pulumi.test.yaml config.rabbitmq-ha:cluster.image: image rabbitmq:3.13-management runs RabbitMQ 3.13 but version is "4.1" (use rabbitmq:4.1-management, or set version to "3.13")',
    ]);
  });

  it("refuses defaultQueueType before 3.13", () => {
    expect(check((s) => Object.assign(s.cluster, { version: "3.12", defaultQueueType: "quorum" }))).toEqual([
      "error Pulumi.test.yaml config.rabbitmq-ha:cluster.defaultQueueType: defaultQueueType is not supported by RabbitMQ 3.12 (default_queue_type needs 3.13 or 4.x; set type per queue instead)",
    ]);
  });

  it("refuses partition handling on two nodes", () => {
    expect(
      check((s) => {
        s.cluster.nodes.pop();
        s.cluster.partitionHandling = "autoheal";
      }),
    ).toEqual([
      "error Pulumi.test.yaml config.rabbitmq-ha:cluster.partitionHandling: partitionHandling autoheal on two nodes (a split leaves two halves of one node each, neither a majority; use three or more nodes, or remove it)",
      "warning Pulumi.test.yaml config.rabbitmq-ha:cluster.defaultQueueType: queues declared without a type are quorum queues but the cluster has 2 nodes (a quorum queue needs three or more nodes so that a majority survives the loss of one)",
    ]);
  });

  it("refuses partition handling on 4.3, which ignores it, and does not default it there", () => {
    expect(check((s) => Object.assign(s.cluster, { version: "4.3", partitionHandling: "pause_minority" }))).toEqual([
      "error Pulumi.test.yaml config.rabbitmq-ha:cluster.partitionHandling: partitionHandling pause_minority on RabbitMQ 4.3 (4.3 accepts cluster_partition_handling but ignores it; remove it)",
    ]);
    expect(stackOf((s) => (s.cluster.version = "4.3")).cluster.partitionHandling).toBeUndefined();
    expect(stackOf((s) => (s.cluster.version = "4.2")).cluster.partitionHandling).toBe("pause_minority");
  });
});
