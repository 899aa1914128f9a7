import { afterAll, describe, expect, it } from "vitest";
import { maskedInputs } from "../../cli/lib/programRunner";
import { ADMIN_CONF_PATH, ERLANG_COOKIE_PATH } from "../../render/nodeFiles";
import { HAPROXY_CFG_PATH } from "../../render/loadBalancerFiles";
import { runProgram } from "../../cli/lib/programRunner";
import { exampleProject, FIXTURE_STACK, fixtureProject, removeFixtureProjects } from "../cli/lib/fixtureProject";
import { containers, named, ofType, secretFor, stableSecrets, upload } from "./program";

const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";

// The frozen example project (test/cli/fixtures/example), not the shipped config: the names
// and counts below stay true whatever a user adds to config/.
const example = exampleProject({ program: true });
afterAll(removeFixtureProjects);
const run = (stack: string, config?: Record<string, unknown>) =>
  runProgram({ projectDir: example, stack, newResource: stableSecrets, ...(config ? { config } : {}) });

describe("secrets", () => {
  it("are generated when the stack sets none: cookie, admin, stats and one per topology user", async () => {
    const { resources } = await run("dev");
    expect(ofType(resources, RANDOM_PASSWORD).map((r) => r.name)).toEqual([
      "secrets-erlang-cookie",
      "secrets-admin-password",
      "secrets-admin-bootstrap-password",
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
      // The never-rotated bootstrap password: rotating the admin password changes no upload.
      expect(upload(node, ADMIN_CONF_PATH).content).toContain(`default_pass = ${secretFor("secrets-admin-bootstrap-password")}`);
      expect(JSON.stringify(node.inputs)).not.toContain(admin);
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
      "rabbitmq-ha:statsPassword": "GIVENSTATS",
      "rabbitmq-ha:userPasswords": { "sale-app": "GIVENSALE" },
    });
    const generated = ofType(resources, RANDOM_PASSWORD).map((r) => r.name);
    expect(generated).not.toContain("secrets-erlang-cookie");
    expect(generated).not.toContain("secrets-admin-password");
    expect(generated).not.toContain("secrets-stats-password");
    expect(generated).not.toContain("secrets-user-sale-app");
    expect(generated).toContain("secrets-user-gp-app");
    const node = containers(resources, "node")[0]!;
    expect(upload(node, ERLANG_COOKIE_PATH).content).toBe("GIVENCOOKIE");
    expect(upload(node, ADMIN_CONF_PATH).content).toContain(`default_pass = ${secretFor("secrets-admin-bootstrap-password")}`);
    // The given admin password goes to the broker through the admin credential, and from its output to the topology provider.
    expect(named(resources, "admin-credential").inputs["password"]).toBe("GIVENADMIN");
    expect(named(resources, "topology-provider").inputs["password"]).toBe("GIVENADMIN");
    for (const lb of containers(resources, "loadbalancer")) expect(upload(lb, HAPROXY_CFG_PATH).content).toContain("stats auth 'stats:GIVENSTATS'");
    for (const r of resources) expect(JSON.stringify(maskedInputs(r)), r.name).not.toMatch(/GIVEN/);
    expect(named(resources, "topology-user-sale-app").inputs["password"]).toBe("GIVENSALE");
  });
});

describe("userCredentials, the applications' way to their passwords", () => {
  const runFixture = (config?: Record<string, unknown>) =>
    runProgram({ projectDir: fixtureProject({ program: true }), stack: FIXTURE_STACK, newResource: stableSecrets, ...(config ? { config } : {}) });

  it("is one secret output: username, password and AMQP URL through the VIP per topology user", async () => {
    const { outputs, revealedOutputs } = await runFixture();
    expect(outputs["userCredentials"]).toBe("[secret]");
    const password = secretFor("secrets-user-sale-app");
    const url = `amqp://sale-app:${password}@172.28.9.220:5672/SALE_VHOST`;
    expect(revealedOutputs["userCredentials"]).toEqual({
      "sale-app": { username: "sale-app", password, vhosts: ["SALE_VHOST"], amqpUrl: url, amqpUrls: { SALE_VHOST: url } },
    });
  });

  it("carries a password from the stack config, percent-encoded in the URL", async () => {
    const { revealedOutputs } = await runFixture({ "rabbitmq-ha:userPasswords": { "sale-app": "p@ss/w:rd" } });
    const sale = (revealedOutputs["userCredentials"] as Record<string, { password: string; amqpUrl: string }>)["sale-app"]!;
    expect([sale.password, sale.amqpUrl]).toEqual(["p@ss/w:rd", "amqp://sale-app:p%40ss%2Fw%3Ard@172.28.9.220:5672/SALE_VHOST"]);
  });
});
