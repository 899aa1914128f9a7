/** Pid files of the suite's own processes (the run lock, the namespace hosts' Docker engines). */
import { readFileSync } from "node:fs";

/** The pid a file holds; undefined when the file is missing, empty (being written) or holds no positive integer. */
export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
