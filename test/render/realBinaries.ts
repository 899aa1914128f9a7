/**
 * The real HAProxy and Keepalived binaries (Debian packages, installed by .ci/run) judging
 * rendered files. A check returns undefined when the file is accepted, else the tool's output.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as net from "node:net";
import * as path from "node:path";
import { SCRIPT_USER } from "../../render/keepalivedConf";

export const HAPROXY = "/usr/sbin/haproxy";
export const KEEPALIVED = "/usr/sbin/keepalived";

/** Why a binary test cannot run here, or undefined when it can. */
export function missing(binary: string): string | undefined {
  return fs.existsSync(binary) ? undefined : `${binary} is not installed (apt-get install haproxy keepalived; .ci/run does)`;
}

const newTempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "rabbitmq-ha-render-"));
const removeDir = (dir: string): void => fs.rmSync(dir, { recursive: true, force: true });

/** Runs `use` with a fresh temporary directory, removed afterwards. */
export function inTempDir<T>(use: (dir: string) => T): T {
  const dir = newTempDir();
  try {
    return use(dir);
  } finally {
    removeDir(dir);
  }
}

export async function inTempDirAsync<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = newTempDir();
  try {
    return await use(dir);
  } finally {
    removeDir(dir);
  }
}

/** A CA certificate (made by the offline engine's tls stand-in) for configs whose checks verify with one. */
const HAPROXY_CA_PATH = "/usr/local/etc/haproxy/rabbitmq-ca.pem";

/** `haproxy -c -f FILE`: valid means exit 0 and not one warning or alert. */
export function haproxyRejects(config: string): string | undefined {
  return inTempDir((dir) => {
    const file = path.join(dir, "haproxy.cfg");
    // With rabbitmq-ha:tls on, the TLS checks name the CA the load balancer gets: haproxy -c loads it.
    const ca = path.join(dir, "ca.pem");
    fs.copyFileSync(path.join(__dirname, "test-ca.pem"), ca);
    fs.writeFileSync(file, config.split(HAPROXY_CA_PATH).join(ca));
    const run = spawnSync(HAPROXY, ["-c", "-f", file], { encoding: "utf8" });
    const output = `${run.stdout}${run.stderr}`;
    return run.status === 0 && !/\[(WARNING|ALERT)\]/.test(output) ? undefined : `exit ${run.status}: ${output}`;
  });
}

const PROJECT_DIR = path.resolve(__dirname, "..", "..");
const IMAGE_DIR = path.join(PROJECT_DIR, "templates", "loadbalancer");
const CHECK_SCRIPT = path.join(IMAGE_DIR, "check_haproxy.sh");
/** The track scripts the image places in /etc/keepalived (templates/loadbalancer/Dockerfile). */
const TRACK_SCRIPTS = ["check_haproxy.sh", "peer_silent.sh"];
/** A uid/gid for the script user that the host does not use. */
const SCRIPT_UID = 64_990;

/**
 * Why the keepalived check cannot run here: it needs the binary, the image's track script,
 * and permission to make a private mount namespace (root with CAP_SYS_ADMIN).
 */
export function keepalivedUnavailable(): string | undefined {
  const absent = missing(KEEPALIVED);
  if (absent) return absent;
  if (!fs.existsSync(CHECK_SCRIPT)) return `${CHECK_SCRIPT} is missing (the load-balancer image's track script)`;
  const probe = spawnSync("unshare", ["--mount", "--fork", "true"]);
  return probe.status === 0 ? undefined : "unshare --mount is not permitted here (needs root with CAP_SYS_ADMIN)";
}

/**
 * `keepalived -t -f FILE` as it would run inside the load-balancer image: the track script at
 * its image path and the image's script user exist, both only inside a private mount namespace
 * (the host's /etc is not touched).
 *
 * Keepalived runs as that script user. As root, keepalived 2.2.7 (bookworm) switches to the
 * script user to check the script's path and then, in config-test mode only, kills itself
 * with SIGTERM (exit 143) even on a valid file: the "parent died" check after the switch lacks
 * the config-test guard later releases have. Running as that user skips the switch; every
 * check of the file, the script's ownership and permissions included, still runs.
 */
export function keepalivedRejects(config: string): string | undefined {
  return inTempDir((dir) => {
    fs.chmodSync(dir, 0o755);
    const etc = path.join(dir, "keepalived");
    fs.mkdirSync(etc, { mode: 0o755 });
    for (const script of TRACK_SCRIPTS) {
      fs.copyFileSync(path.join(IMAGE_DIR, script), path.join(etc, script));
      fs.chmodSync(path.join(etc, script), 0o755);
    }
    const user = `${SCRIPT_USER}:x:${SCRIPT_UID}:${SCRIPT_UID}::/nonexistent:/usr/sbin/nologin\n`;
    fs.writeFileSync(path.join(dir, "passwd"), `${fs.readFileSync("/etc/passwd", "utf8")}${user}`);
    fs.writeFileSync(path.join(dir, "group"), `${fs.readFileSync("/etc/group", "utf8")}${SCRIPT_USER}:x:${SCRIPT_UID}:\n`);
    fs.writeFileSync(path.join(dir, "keepalived.conf"), config, { mode: 0o644 });
    const script = [
      'mount --bind "$1/passwd" /etc/passwd',
      'mount --bind "$1/group" /etc/group',
      'mount --bind "$1/keepalived" /etc/keepalived',
      `exec setpriv --reuid=${SCRIPT_UID} --regid=${SCRIPT_UID} --clear-groups ${KEEPALIVED} -t -f "$1/keepalived.conf"`,
    ].join(" && ");
    const run = spawnSync("unshare", ["--mount", "--fork", "sh", "-c", script, "sh", dir], { encoding: "utf8" });
    return run.status === 0 && run.stderr.trim() === "" ? undefined : `exit ${run.status ?? run.signal}: ${run.stdout}${run.stderr}`;
  });
}

/** A loopback port nothing listens on (at the moment of asking). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Resolves once something accepts on 127.0.0.1:port (5 s at most). */
export async function waitForPort(port: number): Promise<void> {
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
