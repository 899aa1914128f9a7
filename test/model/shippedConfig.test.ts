/** Every stack file shipped in the repository validates without an error. */
import { describe, expect, it } from "vitest";
import { formatDiagnostic, listStacks, loadStack } from "../../model/load";
import { REPO } from "./project";

const stacks = listStacks(REPO);

describe("shipped configuration", () => {
  it("has the seed's dev stack and the modern stack", () => {
    expect(stacks).toEqual(expect.arrayContaining(["dev", "modern"]));
  });

  it.each(stacks)("Pulumi.%s.yaml validates with no error", (stack) => {
    const result = loadStack(REPO, stack);
    expect(result.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
    expect(result.model?.stack).toBe(stack);
  });

  it("dev is the seed's layout: 3.13, one disc node and two RAM nodes serving clients, a mirror policy, quorum queues", () => {
    const model = loadStack(REPO, "dev").model;
    expect(model?.cluster.nodes.map((n) => `${n.hostname}:${n.type}:${n.servesClients}`)).toEqual([
      "rabbit-disc1:disc:false",
      "rabbit-ram1:ram:true",
      "rabbit-ram2:ram:true",
    ]);
    expect(model?.cluster.version).toBe("3.13");
    expect(model?.topology.policies.some((p) => p.definition["ha-mode"] === "all")).toBe(true);
    expect(model?.topology.queues.some((q) => q.type === "quorum")).toBe(true);
    expect(model?.warnings.map((w) => w.path)).toEqual(["config.rabbitmq-ha:cluster.nodes[1].type", "config.rabbitmq-ha:cluster.nodes[2].type"]);
  });

  it("modern has no RAM node and no mirroring key", () => {
    const model = loadStack(REPO, "modern").model;
    expect(model?.cluster.nodes.every((n) => n.type === "disc")).toBe(true);
    expect(model?.topology.policies.flatMap((p) => Object.keys(p.definition)).filter((k) => k.startsWith("ha-"))).toEqual([]);
  });
});
