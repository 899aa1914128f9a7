import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { LoadBalancerPairSpec } from "../../model/types";
import { renderHaproxyCfg } from "../../render/haproxyCfg";
import { modernCluster, placeholderHaproxySecrets, seedCluster, seedPair } from "./fixtures";
import { HAPROXY, freePort, haproxyRejects, inTempDirAsync, missing, waitForPort } from "./realBinaries";

const secrets = { statsPassword: "stats-pw" };
const render = (overrides: Partial<typeof seedCluster> = {}, s = secrets, pair: Partial<LoadBalancerPairSpec> = {}) =>
  renderHaproxyCfg({ ...seedPair, ...pair }, { ...seedCluster, ...overrides }, "dev", s);
const serverLines = (text: string, name: string): string[] => section(text, name).filter((l) => l.startsWith("server "));

/** The lines of one `listen` section, indentation dropped. */
function section(text: string, name: string): string[] {
  const block = text.split(/\n(?=listen |frontend |backend |defaults|global)/).find((b) => b.startsWith(`listen ${name}\n`));
  if (!block) throw new Error(`no listen ${name}`);
  return block.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}

describe("renderHaproxyCfg", () => {
  it("renders the seed's pair with placeholder secrets (snapshot)", () => {
    expect(render({}, placeholderHaproxySecrets)).toMatchSnapshot();
  });

  it.each([
    [
      "the seed (RAM nodes serve clients, the disc node is their backup)",
      seedCluster,
      ["server rabbit-disc1 172.28.8.150:5672 backup", "server rabbit-ram1 172.28.8.40:5672", "server rabbit-ram2 172.28.8.45:5672"],
    ],
    ["three disc nodes that all serve clients", modernCluster, ["server rabbit-1 172.28.9.11:5672", "server rabbit-2 172.28.9.12:5672", "server rabbit-3 172.28.9.13:5672"]],
  ])("AMQP servers of %s", (_, cluster, expected) => {
    const amqp = section(renderHaproxyCfg(seedPair, cluster, "dev", secrets), "amqp");
    expect(amqp.filter((l) => l.startsWith("server "))).toEqual(expected);
    expect(amqp).toContain("balance leastconn");
    expect(amqp.includes("option allbackups")).toBe(expected.some((l) => l.endsWith(" backup")));
  });

  it("checks each AMQP server on its own AMQP listener: protocol header in, connection.start out, no credential", () => {
    const amqp = section(render(), "amqp");
    expect(amqp).toEqual(
      expect.arrayContaining([
        "option tcp-check",
        "tcp-check connect",
        "tcp-check send-binary 414d515000000901",
        "tcp-check expect binary 000a000a",
        "default-server check inter 2s fall 3 rise 2 on-marked-down shutdown-sessions observe layer4 error-limit 1 on-error mark-down",
      ]),
    );
    expect(render()).not.toMatch(/Authorization|\/api\/health|httpchk.*5672|check port/);
  });

  it("retries a refused connect on another node (a draining or stopping node costs a new client nothing)", () => {
    const defaults = render().split(/\n(?=listen |defaults|global)/).find((b) => b.startsWith("defaults\n")) ?? "";
    expect(defaults.split("\n").map((l) => l.trim())).toEqual(expect.arrayContaining(["retries 2", "option redispatch 1"]));
  });

  it("checks each management server on its own unauthenticated start page", () => {
    expect(section(render(), "management")).toEqual(
      expect.arrayContaining(["option httpchk", "http-check send meth GET uri / ver HTTP/1.1 hdr Host localhost", "http-check expect status 200"]),
    );
  });

  it("a check fails after one interval, so a silent node cannot hold its peers' checks up", () => {
    expect(render({}, secrets, { checkIntervalMs: 1000 }).split("\n").map((l) => l.trim())).toContain("timeout check 1s");
  });

  it.each([
    [4000, "maxconn 4100"],
    [1, "maxconn 101"],
    [9000, "maxconn 9100"],
  ])("maxConnections %d limits the AMQP listener to it and the process to %s", (maxConnections, global) => {
    const text = render({}, secrets, { maxConnections });
    expect(text.split("\n")).toContain(`    ${global}`);
    expect(section(text, "amqp")).toContain(`maxconn ${maxConnections}`);
  });

  it("gives AMQP equal, long client and server timeouts", () => {
    const lines = render().split("\n").map((l) => l.trim());
    expect(lines).toContain("timeout client 3h");
    expect(lines).toContain("timeout server 3h");
  });

  it("balances the management port over every node", () => {
    expect(section(render(), "management").filter((l) => l.startsWith("server "))).toHaveLength(3);
  });

  it("protects the stats page with the stats password", () => {
    expect(section(render(), "stats")).toContain("stats auth 'stats:stats-pw'");
  });

  it("refuses a cluster where no node serves clients", () => {
    const nodes = seedCluster.nodes.map((n) => ({ ...n, servesClients: false }));
    expect(() => render({ nodes })).toThrow("no cluster node has servesClients: HAProxy would have no AMQP backend");
  });

});

describe.skipIf(missing(HAPROXY))("haproxy accepts the rendered file", () => {
  it.each([
    ["the seed's pair", render()],
    ["placeholder secrets", render({}, placeholderHaproxySecrets)],
    ["a stats password with quotes, $ and #", render({}, { ...secrets, statsPassword: `it's $HOME #1 "x"` })],
    ["three disc nodes, no backup", renderHaproxyCfg(seedPair, modernCluster, "dev", secrets)],
    ["the largest maxConnections", render({}, secrets, { maxConnections: 9000 })],
  ])("%s", (_, text) => {
    expect(haproxyRejects(text)).toBeUndefined();
  });

  it("takes the stats password literally (a live HAProxy on loopback answers 200 to it, 401 otherwise)", async () => {
    const password = `it's $HOME #1 "x"`;
    await withLiveStats(password, async (port) => {
      expect((await statsPage(port, "stats", password)).status).toBe(200);
      expect((await statsPage(port, "stats", "wrong")).status).toBe(401);
    });
  });

  it("names the answering load balancer (its hostname) on the live stats page", async () => {
    await withLiveStats("stats-pw", async (port) => {
      expect((await statsPage(port, "stats", "stats-pw")).body).toMatch(new RegExp(`<h2>Statistics Report for pid \\d+ on ${os.hostname()}</h2>`));
    });
  });
});

/** Runs the rendered `listen stats` section alone in a live HAProxy on a free loopback port. */
async function withLiveStats(statsPassword: string, use: (port: number) => Promise<void>): Promise<void> {
  const port = await freePort();
  const stats = section(render({}, { ...secrets, statsPassword }), "stats").filter((l) => !l.startsWith("bind "));
  const config = ["defaults", "  timeout connect 1s", "  timeout client 5s", "  timeout server 5s", "listen stats", `  bind 127.0.0.1:${port}`, ...stats.slice(1).map((l) => `  ${l}`)].join("\n");
  await inTempDirAsync(async (dir) => {
    const file = path.join(dir, "haproxy.cfg");
    fs.writeFileSync(file, `${config}\n`);
    const haproxy = spawn(HAPROXY, ["-db", "-f", file], { stdio: "ignore" });
    try {
      await waitForPort(port);
      await use(port);
    } finally {
      haproxy.kill("SIGTERM");
    }
  });
}

async function statsPage(port: number, user: string, password: string): Promise<{ status: number; body: string }> {
  const auth = Buffer.from(`${user}:${password}`).toString("base64");
  const response = await fetch(`http://127.0.0.1:${port}/stats`, { headers: { Authorization: `Basic ${auth}` } });
  return { status: response.status, body: await response.text() };
}
