/**
 * Every stack file in the repository validates without an error, whatever stacks and systems a
 * user adds; the loader's reading of the seed's and the modern layout is checked on the frozen
 * example project (test/cli/fixtures/example), so editing the shipped files never breaks it.
 */
import { describe, expect, it } from "vitest";
import { formatDiagnostic, listStacks, loadStack } from "../../model/load";
import { EXAMPLE } from "../cli/lib/fixtureProject";
import { REPO } from "./project";

const stacks = listStacks(REPO);

describe("shipped configuration", () => {
  it("has at least one stack file (else the checks below would pass on nothing)", () => {
    expect(stacks.length).toBeGreaterThan(0);
  });

  it.each(stacks)("Pulumi.%s.yaml validates with no error", (stack) => {
    const result = loadStack(REPO, stack);
    expect(result.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
    expect(result.model?.stack).toBe(stack);
  });
});

describe("the example's layouts, as the loader reads them", () => {
  it("dev is the seed's layout: 3.13, one disc node and two RAM nodes serving clients, a mirror policy, quorum queues", () => {
    const model = loadStack(EXAMPLE, "dev").model;
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
    const model = loadStack(EXAMPLE, "modern").model;
    expect(model?.cluster.nodes.map((n) => n.type)).toEqual(["disc", "disc", "disc"]);
    expect(model?.topology.policies.flatMap((p) => Object.keys(p.definition)).filter((k) => k.startsWith("ha-"))).toEqual([]);
  });
});
