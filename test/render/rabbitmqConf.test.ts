import { describe, expect, it } from "vitest";
import type { ClusterSpec } from "../../model/types";
import { renderAdminConf } from "../../render/adminConf";
import { renderEnabledPlugins } from "../../render/enabledPlugins";
import { renderRabbitmqConf } from "../../render/rabbitmqConf";
import { modernCluster, seedCluster } from "./fixtures";

/** The `key = value` lines of a rendered conf file, comments dropped. */
function settings(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"))
      .map((line) => line.split(" = ") as [string, string]),
  );
}

const [disc, ram] = seedCluster.nodes;

describe("renderRabbitmqConf", () => {
  it("renders the seed's RAM node (snapshot)", () => {
    expect(renderRabbitmqConf(seedCluster, ram!, "dev")).toMatchSnapshot();
  });

  it("renders the seed node itself (snapshot)", () => {
    expect(renderRabbitmqConf(seedCluster, disc!, "dev")).toMatchSnapshot();
  });

  it("uses classic_config on every node and leaves the peer list to its own file", () => {
    for (const node of seedCluster.nodes) {
      const text = renderRabbitmqConf(seedCluster, node, "dev");
      expect(settings(text)["cluster_formation.peer_discovery_backend"]).toBe("classic_config");
      expect(text).not.toContain("classic_config.nodes");
    }
  });

  it("gives the seed one discovery retry as a tool default and every other node the stack's retries", () => {
    const seedText = renderRabbitmqConf(seedCluster, disc!, "dev");
    const [defaults = "", fromStack = ""] = seedText.split("## From the stack config (rabbitmq-ha:cluster)");
    expect(defaults).toContain("cluster_formation.peer_discovery_backend = classic_config\ncluster_formation.discovery_retry_limit = 1\ncluster_formation.discovery_retry_interval = 100\n");
    expect(fromStack).not.toContain("discovery_retry");
    const ramText = renderRabbitmqConf({ ...seedCluster, discoveryRetryLimit: 45, discoveryRetryIntervalMs: 2000 }, ram!, "dev");
    expect(ramText.split("## From the stack config (rabbitmq-ha:cluster)")[1]).toContain("cluster_formation.discovery_retry_limit = 45\ncluster_formation.discovery_retry_interval = 2000\n");
    expect(settings(ramText)["cluster_formation.discovery_retry_limit"]).toBe("45");
  });

  it("writes each node's own type", () => {
    expect(settings(renderRabbitmqConf(seedCluster, disc!, "dev"))["cluster_formation.node_type"]).toBe("disc");
    expect(settings(renderRabbitmqConf(seedCluster, ram!, "dev"))["cluster_formation.node_type"]).toBe("ram");
  });

  it("writes the stack's limits in RabbitMQ's units", () => {
    const s = settings(renderRabbitmqConf({ ...seedCluster, memoryHighWatermark: 0.45, diskFreeLimitBytes: 2_000_000_000, maxMessageSizeBytes: 4_194_304 }, disc!, "dev"));
    // 0.45 of the node container's 1GiB limit, not of the host's RAM.
    expect(s["vm_memory_high_watermark.absolute"]).toBe("483183820");
    expect(s["vm_memory_high_watermark.relative"]).toBeUndefined();
    expect(s["disk_free_limit.absolute"]).toBe("2000000000");
    expect(s["max_message_size"]).toBe("4194304");
  });

  it("sets partition handling and default queue type only where the model does", () => {
    const seed = settings(renderRabbitmqConf(seedCluster, disc!, "dev"));
    expect(seed["cluster_partition_handling"]).toBe("pause_minority");
    expect(seed["default_queue_type"]).toBeUndefined();
    const modern = settings(renderRabbitmqConf({ ...modernCluster, partitionHandling: undefined }, modernCluster.nodes[0]!, "modern"));
    expect(modern["cluster_partition_handling"]).toBeUndefined();
    expect(modern["default_queue_type"]).toBe("quorum");
  });

  it("keeps the tool's defaults apart from the stack's settings, each default with a reason", () => {
    const text = renderRabbitmqConf(seedCluster, disc!, "dev");
    const [defaults = "", fromStack = ""] = text.split("## From the stack config (rabbitmq-ha:cluster)");
    expect(defaults).toContain("listeners.tcp.default = 5672");
    expect(fromStack).not.toContain("listeners.tcp.default");
    expect(fromStack).toContain("max_message_size = ");
    // Every block of default settings is preceded by a comment line.
    const blocks = defaults.split("## Defaults rabbitmq-ha always sets")[1]!.trim().split("\n\n");
    for (const block of blocks) expect(block.split("\n")[0]).toMatch(/^# \S/);
  });

  it("holds no credentials", () => {
    expect(renderRabbitmqConf(seedCluster, disc!, "dev")).not.toMatch(/default_(user|pass)/);
  });
});

describe("renderAdminConf", () => {
  it("creates the admin instead of guest and limits nobody to loopback", () => {
    expect(settings(renderAdminConf("admin", "s3cret"))).toEqual({
      default_user: "admin",
      default_pass: "s3cret",
      "default_user_tags.administrator": "true",
      loopback_users: "none",
    });
  });

  it.each([
    ["pass#word", "adminPassword"],
    ["two\nlines", "adminPassword"],
    [" padded", "adminPassword"],
  ])("refuses a password RabbitMQ would read differently: %j", (password, field) => {
    expect(() => renderAdminConf("admin", password)).toThrow(
      `${field} cannot be written to rabbitmq.conf (allowed: one non-empty line without '#' and without leading or trailing blanks)`,
    );
  });
});

describe("renderEnabledPlugins", () => {
  const withPlugins = (extraPlugins: string[]): ClusterSpec => ({ ...seedCluster, extraPlugins });

  it("enables management and Prometheus, then the stack's extras, once each", () => {
    expect(renderEnabledPlugins(withPlugins(["rabbitmq_shovel", "rabbitmq_management"]))).toBe(
      "[rabbitmq_management,rabbitmq_prometheus,rabbitmq_shovel].\n",
    );
  });

  it("refuses names that are not Erlang atoms", () => {
    expect(() => renderEnabledPlugins(withPlugins(["Shovel", "a b"]))).toThrow(
      'extraPlugins "Shovel", "a b" are not plugin names (allowed: lower-case letters, digits and _ , starting with a letter)',
    );
  });
});
