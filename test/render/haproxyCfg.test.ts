import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { basicAuthorization } from "../../render/format";
import { HEALTH_CHECK_URI, renderHaproxyCfg } from "../../render/haproxyCfg";
import { placeholderHaproxySecrets, seedCluster, seedPair } from "./fixtures";
import { HAPROXY, haproxyRejects, inTempDirAsync, missing } from "./realBinaries";

const secrets = { healthCheckAuthorization: basicAuthorization("admin", "pw"), statsPassword: "stats-pw" };
const render = (overrides: Partial<typeof seedCluster> = {}, s = secrets) => renderHaproxyCfg(seedPair, { ...seedCluster, ...overrides }, "dev", s);

/** The lines of one `listen` section, indentation dropped. */
function section(text: string, name: string): string[] {
  const block = text.split(/\n(?=listen |defaults|global)/).find((b) => b.startsWith(`listen ${name}\n`));
  if (!block) throw new Error(`no listen ${name}`);
  return block.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
}

describe("renderHaproxyCfg", () => {
  it("renders the seed's pair with placeholder secrets (snapshot)", () => {
    expect(render({}, placeholderHaproxySecrets)).toMatchSnapshot();
  });

  it("sends AMQP only to nodes that serve clients, least connections first", () => {
    const amqp = section(render(), "amqp");
    expect(amqp.filter((l) => l.startsWith("server "))).toEqual(["server rabbit-ram1 172.28.8.40:5672", "server rabbit-ram2 172.28.8.45:5672"]);
    expect(amqp).toContain("balance leastconn");
  });

  it("checks AMQP servers through the management API and cuts sessions to a node marked down", () => {
    const text = render();
    expect(text).toContain(`http-check send meth GET uri ${HEALTH_CHECK_URI} ver HTTP/1.1 hdr Host localhost hdr Authorization "Basic YWRtaW46cHc="`);
    expect(section(text, "amqp")).toContain("default-server check port 15672 inter 2s fall 3 rise 2 on-marked-down shutdown-sessions");
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

  it("refuses an Authorization value that would break out of its quotes", () => {
    expect(() => render({}, { ...secrets, healthCheckAuthorization: 'Basic x" hdr X "y' })).toThrow(
      "the health check Authorization header cannot contain quotes, backslashes or line breaks",
    );
  });
});

describe.skipIf(missing(HAPROXY))("haproxy accepts the rendered file", () => {
  it.each([
    ["the seed's pair", render()],
    ["placeholder secrets", render({}, placeholderHaproxySecrets)],
    ["a stats password with quotes, $ and #", render({}, { ...secrets, statsPassword: `it's $HOME #1 "x"` })],
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port}`);
}

async function statsPage(port: number, user: string, password: string): Promise<{ status: number; body: string }> {
  const auth = Buffer.from(`${user}:${password}`).toString("base64");
  const response = await fetch(`http://127.0.0.1:${port}/stats`, { headers: { Authorization: `Basic ${auth}` } });
  return { status: response.status, body: await response.text() };
}
