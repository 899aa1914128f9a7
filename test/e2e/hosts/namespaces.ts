/**
 * Several "machines" on this one: a network namespace per host, joined by a bridge (the LAN), each running its own Docker engine (`nsenter --net=... dockerd`, with its
 * own socket, data root, exec root and pid file; `ip netns exec` remounts /sys and the daemon
 * fails: ../shared/notes/platform-facts.md). A `--network host` container on such an engine sees
 * only its namespace's interfaces: exactly a machine on a LAN. The test process (root namespace)
 * has an address on the bridge, so it reaches the VIP like a client on the LAN.
 *
 * Everything is named with PREFIX and lives under STATE_DIR, so `tearDownHosts` finds what an
 * earlier, interrupted run left (namespaces, bridge, daemons by their pid files) and removes
 * only that. The main engine's containers and networks are never touched.
 */
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { alive, readPidFile } from "../pidFile";

/** Names of our namespaces, bridge and veths start with this (at most 15 characters in all). */
export const PREFIX = "rmqha";
/** The root namespace's end of the test client's veth into the LAN. */
export const CLIENT_LINK = `${PREFIX}-client`;
export const STATE_DIR = "/tmp/rabbitmq-ha-e2e-hosts";

export interface NamespaceHost {
  readonly name: string;
  /** The host's LAN address (its namespace's eth0). */
  readonly address: string;
}

export interface HostsLan {
  /** e.g. 10.213.8.0/24: private, created by the test, nothing else on it. */
  readonly subnet: string;
  /** The root namespace's address on the bridge (the test's client side). */
  readonly clientAddress: string;
  readonly prefixLength: number;
  readonly hosts: readonly NamespaceHost[];
}

const run = (command: string, args: readonly string[]): string => execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const tryRun = (command: string, args: readonly string[]): void => {
  try {
    run(command, args);
  } catch {
    // already gone
  }
};

export const namespaceOf = (host: string): string => `${PREFIX}-${host}`;
export const socketOf = (host: string): string => path.join(STATE_DIR, host, "docker.sock");
export const dockerUrlOf = (host: string): string => `unix://${socketOf(host)}`;
const pidFileOf = (host: string): string => path.join(STATE_DIR, host, "docker.pid");

/**
 * The LAN and one namespace per host, each host's end of its veth named eth0 inside. The
 * bridge lives in a namespace of its own: in the root namespace br_netfilter would pass bridged
 * frames through the machine's iptables, whose FORWARD policy the main Docker engine sets to
 * DROP; a fresh namespace has an empty, accepting firewall, so no rule of ours goes into the
 * machine's. The test's client address is a veth from the root namespace into that bridge.
 */
export function createLan(lan: HostsLan): void {
  const lanNs = namespaceOf("lan");
  run("ip", ["netns", "add", lanNs]);
  run("ip", ["-n", lanNs, "link", "add", "br0", "type", "bridge"]);
  run("ip", ["-n", lanNs, "link", "set", "br0", "up"]);
  const plug = (outside: string, inside: string): void => {
    run("ip", ["link", "add", outside, "type", "veth", "peer", "name", inside]);
    run("ip", ["link", "set", inside, "netns", lanNs]);
    run("ip", ["-n", lanNs, "link", "set", inside, "master", "br0"]);
    run("ip", ["-n", lanNs, "link", "set", inside, "up"]);
  };
  plug(CLIENT_LINK, "client");
  run("ip", ["addr", "add", `${lan.clientAddress}/${lan.prefixLength}`, "dev", CLIENT_LINK]);
  run("ip", ["link", "set", CLIENT_LINK, "up"]);
  lan.hosts.forEach((host, i) => {
    const ns = namespaceOf(host.name);
    const outside = `${PREFIX}-p${i}`;
    run("ip", ["netns", "add", ns]);
    plug(outside, `port${i}`);
    run("ip", ["link", "set", outside, "netns", ns]);
    run("ip", ["-n", ns, "link", "set", outside, "name", "eth0"]);
    run("ip", ["-n", ns, "addr", "add", `${host.address}/${lan.prefixLength}`, "dev", "eth0"]);
    run("ip", ["-n", ns, "link", "set", "eth0", "up"]);
    run("ip", ["-n", ns, "link", "set", "lo", "up"]);
  });
}

/** Starts the host's engine in its namespace and waits until it answers. */
export async function startEngine(host: string, timeoutMs = 60_000): Promise<void> {
  const dir = path.join(STATE_DIR, host);
  fs.mkdirSync(dir, { recursive: true });
  const log = fs.openSync(path.join(dir, "dockerd.log"), "a");
  const daemon = spawn(
    "nsenter",
    [
      `--net=/var/run/netns/${namespaceOf(host)}`,
      "dockerd",
      "--data-root", path.join(dir, "data"),
      "--exec-root", path.join(dir, "exec"),
      "-H", `unix://${socketOf(host)}`,
      "--pidfile", pidFileOf(host),
      "--bridge=none",
      "--iptables=false",
      "--ip-masq=false",
    ],
    { detached: true, stdio: ["ignore", log, log] },
  );
  daemon.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      run("docker", ["-H", dockerUrlOf(host), "info", "--format", "{{.ID}}"]);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`the Docker engine of namespace host ${host} did not answer within ${timeoutMs} ms (log: ${path.join(dir, "dockerd.log")})`);
}

/** Stops the host's engine (SIGTERM, then waits for it to exit); its containers stop with it. */
export async function stopEngine(host: string, timeoutMs = 60_000): Promise<void> {
  const pid = readPid(host);
  if (pid === undefined) return;
  tryKill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && alive(pid)) await new Promise((resolve) => setTimeout(resolve, 250));
  if (alive(pid)) tryKill(pid, "SIGKILL");
}

/** `docker save` from the main engine into the host's engine (no registry here). */
export function loadImages(host: string, images: readonly string[]): void {
  execFileSync("bash", ["-o", "pipefail", "-c", `docker save ${images.map((i) => `'${i}'`).join(" ")} | docker -H '${dockerUrlOf(host)}' load -q`], { stdio: ["ignore", "pipe", "pipe"] });
}

/** The host's link down or up (from inside its namespace: the machine loses its LAN). */
export function setLink(host: string, state: "up" | "down"): void {
  run("ip", ["-n", namespaceOf(host), "link", "set", "eth0", state]);
}

/** Everything of ours, also what an interrupted run left: engines, namespaces (the bridge's too), veths, state. */
export async function tearDownHosts(): Promise<void> {
  const hosts = fs.existsSync(STATE_DIR) ? fs.readdirSync(STATE_DIR) : [];
  for (const host of hosts) await stopEngine(host);
  // The engines' own mounts (netns files, overlay roots) go before their directories do.
  tryRun("bash", ["-c", `grep -o ' ${STATE_DIR}/[^ ]*' /proc/mounts | sort -r | xargs -r -n1 umount -l`]);
  for (const ns of ourNamespaces()) tryRun("ip", ["netns", "delete", ns]);
  for (const link of ourLinks()) tryRun("ip", ["link", "delete", link]);
  fs.rmSync(STATE_DIR, { recursive: true, force: true });
}

/** Our network namespaces (`ip netns list`: "name" or "name (id: N)" per line). */
export function ourNamespaces(): string[] {
  return run("ip", ["netns", "list"]).split("\n").map((line) => line.split(" ")[0] ?? "").filter((ns) => ns.startsWith(`${PREFIX}-`));
}

/** Our links in the root namespace (`ip -o link show`: "N: name@peer: ..." per line). */
export function ourLinks(): string[] {
  return run("ip", ["-o", "link", "show"]).split("\n").map((line) => /^\d+: ([^:@]+)/.exec(line)?.[1] ?? "").filter((name) => name.startsWith(`${PREFIX}-`));
}

function readPid(host: string): number | undefined {
  return readPidFile(pidFileOf(host));
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}
