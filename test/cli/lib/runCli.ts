/** Runs one of the npm scripts' CLIs (tsx cli/<name>.ts) as a subprocess: exit code and both streams. */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { REPO } from "./fixtureProject";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(name: string, args: readonly string[], cwd = REPO): Promise<CliRun> {
  const tsx = path.join(REPO, "node_modules/tsx/dist/cli.mjs");
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, path.join(REPO, "cli", `${name}.ts`), ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr });
    });
  });
}
