/**
 * A real HAProxy (Debian's package, which .ci/run installs) on loopback in front of the test
 * broker, configured like the stack's load balancers in what the probe reads: a password-protected
 * stats page with `stats show-node`, TCP listeners for AMQP and the management API with health
 * checks. One AMQP server points at a port nothing listens on, so the pair is degraded.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { closedPort } from "./ports";

export const haproxyPresent = spawnSync("haproxy", ["-v"]).status === 0;

export interface TestHaproxy {
  readonly node: string;
  readonly amqpUrl: string;
  readonly managementUrl: string;
  readonly statsUrl: string;
  readonly statsPassword: string;
  stop(): Promise<void>;
}

export interface Upstream {
  readonly amqpPort: number;
  readonly managementPort: number;
}

export async function startHaproxy(node: string, upstream: Upstream): Promise<TestHaproxy> {
  const [stats, amqp, management, dead] = [await closedPort(), await closedPort(), await closedPort(), await closedPort()];
  const statsPassword = "stats-test-secret";
  const config = `global
  node ${node}
defaults
  timeout connect 2s
  timeout client 30s
  timeout server 30s
listen stats
  mode http
  bind 127.0.0.1:${stats}
  stats enable
  stats uri /stats
  stats show-node
  stats auth stats:${statsPassword}
listen amqp
  mode tcp
  bind 127.0.0.1:${amqp}
  balance leastconn
  default-server check inter 200 fall 1 rise 1
  server rabbit-live 127.0.0.1:${upstream.amqpPort}
  server rabbit-dead 127.0.0.1:${dead}
listen management
  mode tcp
  bind 127.0.0.1:${management}
  server rabbit-live 127.0.0.1:${upstream.managementPort} check inter 200
`;
  const dir = mkdtempSync(path.join(tmpdir(), "verify-haproxy-"));
  writeFileSync(path.join(dir, "haproxy.cfg"), config);
  const child: ChildProcess = spawn("haproxy", ["-db", "-f", path.join(dir, "haproxy.cfg")], { stdio: "ignore" });
  const stop = async () => {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  const proxy = {
    node,
    amqpUrl: `amqp://127.0.0.1:${amqp}`,
    managementUrl: `http://127.0.0.1:${management}`,
    statsUrl: `http://stats:${statsPassword}@127.0.0.1:${stats}/stats`,
    statsPassword,
    stop,
  };
  await untilChecked(stats, statsPassword).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return proxy;
}

/** Until the first health checks have run: the dead server shows DOWN, the live one UP. */
async function untilChecked(statsPort: number, password: string): Promise<void> {
  const auth = `Basic ${Buffer.from(`stats:${password}`).toString("base64")}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const csv = await fetch(`http://127.0.0.1:${statsPort}/stats;csv`, { headers: { authorization: auth } })
      .then((response) => response.text())
      .catch(() => "");
    if (/^amqp,rabbit-dead,(?:[^,]*,){15}DOWN,/m.test(csv) && /^amqp,rabbit-live,(?:[^,]*,){15}UP,/m.test(csv)) return;
    await sleep(100);
  }
  throw new Error("haproxy did not report its first health checks within 5 s");
}
