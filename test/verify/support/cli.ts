/**
 * Runs `npm run verify` as a user would (tsx cli/verify.ts, under this Node), with its own
 * environment, and hands back exit code and both streams.
 */
import { execFile } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
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
