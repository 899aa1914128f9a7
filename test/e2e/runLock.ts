/**
 * One e2e run per Docker engine at a time: two runs would deploy the same stack names (same
 * container and network names) and tear down each other's deployments. A second run waits for
 * the first; a lock left by a process that no longer exists is taken over.
 */
import { openSync, rmSync, writeSync, closeSync } from "node:fs";
import { progress, sleep } from "./log";
import { alive, readPidFile } from "./pidFile";

const LOCK_PATH = "/tmp/rabbitmq-ha-e2e.lock";
const WAIT_MS = 30 * 60_000;

/** The lock file's pid; undefined when there is no lock file or its pid is not written yet. */
function lockPid(): number | undefined {
  return readPidFile(LOCK_PATH);
}

function holder(): number | undefined {
  const pid = lockPid();
  return pid !== undefined && alive(pid) ? pid : undefined;
}

function tryTake(): boolean {
  try {
    const fd = openSync(LOCK_PATH, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    // Only a lock whose pid is written and dead is stale. A missing file (just released) or an
    // empty one (being taken) may already be another waiter's new lock: removing it would let
    // two runs in at once (seen: two e2e-modern deployments tearing each other down).
    const pid = lockPid();
    if (pid !== undefined && !alive(pid)) rmSync(LOCK_PATH, { force: true });
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
