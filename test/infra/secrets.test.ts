import { describe, expect, it } from "vitest";
import { maskedInputs } from "../../cli/lib/programRunner";
import { ADMIN_CONF_PATH, ERLANG_COOKIE_PATH } from "../../render/nodeFiles";
import { HAPROXY_CFG_PATH } from "../../render/loadBalancerFiles";
import { containers, named, ofType, run, secretFor, upload } from "./program";

const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";

describe("secrets", () => {
  it("are generated when the stack sets none: cookie, admin, stats and one per topology user", async () => {
    const { resources } = await run("dev");
    expect(ofType(resources, RANDOM_PASSWORD).map((r) => r.name)).toEqual([
      "secrets-erlang-cookie",
      "secrets-admin-password",
      "secrets-stats-password",
      "secrets-user-sale-app",
      "secrets-user-sale-ops",
      "secrets-user-product-app",
      "secrets-user-gp-app",
    ]);
    for (const r of ofType(resources, RANDOM_PASSWORD)) expect(r.inputs["special"]).toBe(false);
  });

  it("never show in the stack's plain outputs, and the credential outputs are secret", async () => {
    const { outputs } = await run("dev");
    expect(outputs["amqpUrl"]).toBe("[secret]");
    expect(outputs["managementUrl"]).toBe("[secret]");
    expect(JSON.stringify(outputs)).not.toMatch(/SENTINEL/);
  });

  it("never show in any resource's inputs once the secret paths are masked", async () => {
    const { resources } = await run("modern");
    for (const r of resources) expect(JSON.stringify(maskedInputs(r)), `${r.type} ${r.name}`).not.toMatch(/SENTINEL/);
  });

  it("reach the nodes and load balancers only as secret uploads", async () => {
    const { resources } = await run("dev");
    const cookie = secretFor("secrets-erlang-cookie");
    const admin = secretFor("secrets-admin-password");
    for (const node of containers(resources, "node")) {
      expect(upload(node, ERLANG_COOKIE_PATH).content).toBe(cookie);
      expect(upload(node, ADMIN_CONF_PATH).content).toContain(`default_pass = ${admin}`);
    }
    for (const lb of containers(resources, "loadbalancer")) {
      const cfg = upload(lb, HAPROXY_CFG_PATH).content;
      // HAProxy holds no RabbitMQ credential (its checks are node-local): not the admin password, not its Basic header.
      expect(cfg).not.toContain(admin);
      expect(cfg).not.toContain(Buffer.from(`admin:${admin}`).toString("base64"));
      expect(cfg).toContain(`stats auth 'stats:${secretFor("secrets-stats-password")}'`);
      expect(lb.secretPaths).toEqual(["uploads[0].content"]);
    }
  });

  it("come from the stack config when set there, and stay secret", async () => {
    const { resources } = await run("dev", {
      "rabbitmq-ha:erlangCookie": "GIVENCOOKIE",
      "rabbitmq-ha:adminPassword": "GIVENADMIN",
      "rabbitmq-ha:userPasswords": { "sale-app": "GIVENSALE" },
    });
    const generated = ofType(resources, RANDOM_PASSWORD).map((r) => r.name);
    expect(generated).not.toContain("secrets-erlang-cookie");
    expect(generated).not.toContain("secrets-admin-password");
    expect(generated).not.toContain("secrets-user-sale-app");
    expect(generated).toContain("secrets-user-gp-app");
    const node = containers(resources, "node")[0]!;
    expect(upload(node, ERLANG_COOKIE_PATH).content).toBe("GIVENCOOKIE");
    expect(upload(node, ADMIN_CONF_PATH).content).toContain("default_pass = GIVENADMIN");
    for (const r of resources) expect(JSON.stringify(maskedInputs(r)), r.name).not.toMatch(/GIVEN/);
    expect(named(resources, "topology-user-sale-app").inputs["password"]).toBe("GIVENSALE");
  });
});
