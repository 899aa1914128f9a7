/**
 * One e2e run per Docker engine at a time: two runs would deploy the same stack names (same
 * container and network names) and tear down each other's deployments. A second run waits for
 * the first; a lock left by a process that no longer exists is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { progress, sleep } from "./log";

const LOCK_PATH = "/tmp/rabbitmq-ha-e2e.lock";
const WAIT_MS = 30 * 60_000;

function holder(): number | undefined {
  try {
    const pid = Number(readFileSync(LOCK_PATH, "utf8").trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function tryTake(): boolean {
  try {
    const fd = openSync(LOCK_PATH, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    if (holder() !== undefined) return false;
    rmSync(LOCK_PATH, { force: true }); // stale: its process is gone
    return false;
  }
}

export async function acquireRunLock(): Promise<() => void> {
  // A parent that holds the lock (a script preparing the engine first) lends it to this run.
  const lent = process.env["RABBITMQ_HA_E2E_LOCK_OWNER"];
  if (lent !== undefined && String(holder()) === lent) return () => undefined;
  const deadline = Date.now() + WAIT_MS;
  let told = false;
  while (!tryTake()) {
    if (Date.now() > deadline) throw new Error(`another e2e run (pid ${holder() ?? "?"}) held ${LOCK_PATH} for ${WAIT_MS / 60_000} minutes`);
    if (!told) progress(`waiting for another e2e run to finish (pid ${holder() ?? "?"}, lock ${LOCK_PATH})`);
    told = true;
    await sleep(2_000);
  }
  return () => {
    if (holder() === process.pid) rmSync(LOCK_PATH, { force: true });
  };
}
