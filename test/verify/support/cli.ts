/**
 * Runs `npm run verify` as a user would (tsx cli/verify.ts, under this Node), with its own
 * environment, and hands back exit code and both streams.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The same command as `npm run verify` runs it (node --import tsx, one process), started and
 * handed back running so a test can signal it. Not through tsx's CLI: that runs the program in
 * a child and, when the child does not report a relayed signal within 30 ms over its IPC
 * socket, SIGKILLs it, so no cleanup would run.
 */
export function startVerifyCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): { child: ChildProcess; done: Promise<CliRun> } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("RABBITMQ_HA_")));
  const child = spawn(process.execPath, ["--import", "tsx", "cli/verify.ts", ...args], { cwd: ROOT, env: { ...base, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolve) => {
    child.on("close", (code, signal) => resolve({ code: code ?? (signal === null ? -1 : 128), stdout, stderr }));
  });
  return { child, done };
}

export function runVerifyCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  // Only what a user's shell would give it: no RABBITMQ_HA_* leaking in from the test's own environment.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("RABBITMQ_HA_")));
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, "cli/verify.ts", ...args], { cwd: ROOT, env: { ...base, ...env } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}
