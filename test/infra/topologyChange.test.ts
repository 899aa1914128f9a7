/**
 * Editing only the messaging topology must not touch a container: almost every Container
 * input forces a replacement, i.e. a broker or load-balancer restart.
 */
import { describe, expect, it } from "vitest";
import type { DeclaredResource } from "../../cli/lib/programRunner";
import { run, stackValue } from "./program";

/** Inputs of every Docker resource, by name. */
function dockerInputs(resources: DeclaredResource[]): Record<string, unknown> {
  return Object.fromEntries(resources.filter((r) => r.type.startsWith("docker:") || r.type === "pulumi:providers:docker").map((r) => [r.name, r.inputs]));
}

const topologyOf = (resources: DeclaredResource[]) => resources.filter((r) => r.type.startsWith("rabbitmq:")).map((r) => r.name);

describe.each(["dev", "modern"])("a topology-only change on the %s stack", (stack) => {
  it("leaves every Docker resource's inputs as they were", async () => {
    const before = await run(stack);
    const topology = stackValue(stack, "topology");
    const after = await run(stack, {
      "rabbitmq-ha:topology": { ...topology, files: ["config/sale.yaml", "config/product.yaml"], protectQueues: !topology["protectQueues"] },
    });
    // The change is real: the broker objects differ ...
    expect(topologyOf(after.resources)).not.toEqual(topologyOf(before.resources));
    // ... and no container, network, volume or image would be touched.
    expect(dockerInputs(after.resources)).toEqual(dockerInputs(before.resources));
  });
});
