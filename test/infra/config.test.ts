/** infra/config.ts under Pulumi mocks: the same model as `npm run validate`, or one error before any resource. */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { loadModelFromPulumiConfig } from "../../infra/config";
import { loadStackOrThrow, ModelValidationError } from "../../model/load";
import { EXAMPLE } from "../cli/lib/fixtureProject";

// The frozen example project (read only), so the positions below survive edits of the shipped stacks.
const stackConfig = (stack: string): Record<string, unknown> => parse(fs.readFileSync(path.join(EXAMPLE, `Pulumi.${stack}.yaml`), "utf8")).config;

/** What `pulumi up` hands the program: every key's value as JSON text. */
function useStack(stack: string, config: Record<string, unknown>): void {
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([key, value]) => [key, JSON.stringify(value)])));
  pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, "rabbitmq-ha", stack, false);
}

describe("loadModelFromPulumiConfig", () => {
  beforeEach(() => {
    vi.spyOn(process, "cwd").mockReturnValue(EXAMPLE);
  });

  it.each(["dev", "modern"])("builds the same model as npm run validate for %s", (stack) => {
    useStack(stack, stackConfig(stack));
    expect(loadModelFromPulumiConfig()).toEqual(loadStackOrThrow(EXAMPLE, stack));
  });

  it("throws one error listing every problem, positioned in the stack file", () => {
    const config = stackConfig("dev");
    (config["rabbitmq-ha:cluster"] as { version: string }).version = "4.3";
    (config["rabbitmq-ha:loadBalancers"] as { virtualIp: string }).virtualIp = "10.0.0.1";
    useStack("dev", config);
    expect(() => loadModelFromPulumiConfig()).toThrow(ModelValidationError);
    const message = (() => {
      try {
        loadModelFromPulumiConfig();
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message.split("\n").slice(0, 5)).toEqual([
      "rabbitmq-ha: the configuration has 10 errors; nothing was declared:",
      'Pulumi.dev.yaml:11:12  config.rabbitmq-ha:cluster.image  image rabbitmq:3.13-management runs RabbitMQ 3.13 but version is "4.3" (use rabbitmq:4.3-management, or set version to "3.13")',
      "Pulumi.dev.yaml:12:24  config.rabbitmq-ha:cluster.partitionHandling  partitionHandling pause_minority on RabbitMQ 4.3 (4.3 accepts cluster_partition_handling but ignores it; remove it)",
      'Pulumi.dev.yaml:22:15  config.rabbitmq-ha:cluster.nodes[1].type  node "rabbit-ram1" is a RAM node: RabbitMQ 4.3 refuses RAM nodes: its config schema accepts only "disc" (allowed: disc)',
      'Pulumi.dev.yaml:25:15  config.rabbitmq-ha:cluster.nodes[2].type  node "rabbit-ram2" is a RAM node: RabbitMQ 4.3 refuses RAM nodes: its config schema accepts only "disc" (allowed: disc)',
    ]);
    expect(message).toContain(
      "Pulumi.dev.yaml:29:16  config.rabbitmq-ha:loadBalancers.virtualIp  the virtual IP 10.0.0.1 is outside the subnet 172.28.8.0/24 (use an address from 172.28.8.1 to 172.28.8.254)",
    );
  });

  it("never reads the secret keys (infra/secrets.ts does)", () => {
    useStack("modern", { ...stackConfig("modern"), "rabbitmq-ha:adminPassword": "plain-but-not-ours" });
    const get = vi.spyOn(pulumi.Config.prototype, "get");
    expect(loadModelFromPulumiConfig().stack).toBe("modern");
    expect(get.mock.calls.map(([key]) => key).sort()).toEqual(["cluster", "loadBalancers", "network", "topology"]);
  });

  it("works without a stack file: values from config, positions unknown", () => {
    useStack("mocked", { ...stackConfig("modern"), "rabbitmq-ha:loadBalancers": { virtualIp: "172.28.9.220", instances: [] } });
    expect(() => loadModelFromPulumiConfig()).toThrow(
      [
        "rabbitmq-ha: the configuration has 2 errors; nothing was declared:",
        "Pulumi.mocked.yaml:0:0  config.rabbitmq-ha:loadBalancers.instances  0 load balancers (exactly two: one MASTER and one BACKUP)",
        "Pulumi.mocked.yaml:0:0  config.rabbitmq-ha:loadBalancers.instances  0 instances have state MASTER (exactly one MASTER; the other is BACKUP)",
      ].join("\n"),
    );
  });
});
