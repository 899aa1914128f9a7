/**
 * How the program wires the secrets that change in place: the nodes take their cookie through
 * the cluster guard (so a refusal leaves them untouched), the admin password reaches the broker
 * only through the admin credential, and whatever logs in as the admin takes it from there.
 */
import { describe, expect, it } from "vitest";
import { containers, named, run } from "./program";

describe("secrets that change in place", () => {
  it("make every node wait for the cluster guard (its cookie flows through it), and the guard for no container", async () => {
    const { resources } = await run("modern");
    const guard = named(resources, "cluster-guard");
    for (const node of containers(resources, "node")) {
      expect(node.options.propertyDependencies["uploads"], node.name).toContain(guard.urn);
    }
    const containerUrns = resources.filter((r) => r.type === "docker:index/container:Container").map((r) => r.urn);
    expect(guard.dependencies.filter((urn) => containerUrns.includes(urn))).toEqual([]);
  });

  it("give the topology provider and the stack's admin URLs the admin credential's output, never the config value directly", async () => {
    const { resources } = await run("modern");
    const admin = named(resources, "admin-credential");
    const provider = named(resources, "topology-provider");
    expect(provider.options.propertyDependencies["password"]).toEqual([admin.urn]);
    // The credential is set once the broker is up behind the load balancers.
    for (const c of [...containers(resources, "node"), ...containers(resources, "loadbalancer")]) expect(admin.dependencies).toContain(c.urn);
  });
});
