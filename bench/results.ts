/**
 * The latest figures, kept in bench/results.json so the README can quote them and anyone can
 * check them: each benchmark writes its own entry (with --write) holding every raw sample, the
 * interval and how it was computed, the command that produced it, and the machine it ran on.
 * The interval can be recomputed from the samples with bench/stats.ts and the recorded seed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const RESULTS_FILE = path.join(__dirname, "results.json");

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly node: string;
  /** 1-minute load average when the run started and ended: a busy machine widens the interval. */
  readonly loadAtStart: number;
  readonly loadAtEnd?: number;
}

export function machine(): Machine {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.version, loadAtStart: os.loadavg()[0] ?? 0 };
}

export const wantsWrite = (argv: readonly string[] = process.argv): boolean => argv.includes("--write");

/** Replaces one benchmark's entry, keeping the others. */
export function writeResult(key: string, entry: Record<string, unknown>, file: string = RESULTS_FILE): void {
  const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...current, [key]: entry }, null, 2)}\n`);
}
