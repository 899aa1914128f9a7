import { describe, expect, it } from "vitest";
import { Applier } from "./applier";
import type { DeclaredResource } from "./types";

const resource = (type: string, custom: boolean, inputs: Record<string, unknown> = {}): DeclaredResource => ({
  type,
  name: "r",
  urn: `urn:pulumi:s::p::${type}::r`,
  custom,
  inputs,
  secretPaths: [],
  dependencies: [],
});

describe("Applier", () => {
  it("fails naming a custom resource type it cannot apply", async () => {
    await expect(new Applier("s").apply(resource("aws:s3/bucket:Bucket", true))).rejects.toThrow(
      "the e2e applier cannot apply resource type aws:s3/bucket:Bucket (r)",
    );
  });

  it("creates nothing for a component", async () => {
    const applier = new Applier("s");
    expect(await applier.apply(resource("rabbitmq-ha:cluster:RabbitCluster", false))).toEqual({ id: "", state: {} });
    expect(applier.created).toEqual([]);
  });

  it("records what it created, with the outputs it returned", async () => {
    const applier = new Applier("s");
    const created = await applier.apply(resource("random:index/randomPassword:RandomPassword", true, { length: 16, special: false }));
    expect(String(created.state["result"])).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(applier.created.map((o) => [o.type, o.state["result"]])).toEqual([["random:index/randomPassword:RandomPassword", created.state["result"]]]);
  });

  it("refuses a resource whose provider was never applied", async () => {
    const orphan = { ...resource("rabbitmq:index/vHost:VHost", true, { name: "V" }), provider: "urn:pulumi:s::p::pulumi:providers:rabbitmq::p::id" };
    await expect(new Applier("s").apply(orphan)).rejects.toThrow("r: its provider urn:pulumi:s::p::pulumi:providers:rabbitmq::p was not applied first");
  });
});
