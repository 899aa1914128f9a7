/** Throwaway project directories for loader and CLI tests. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO = path.resolve(__dirname, "../..");

const created: string[] = [];

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every directory this module created; call from afterAll. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path -> text) into a new temporary directory. */
export function projectDir(files: Record<string, string>): string {
  const dir = tempDir("rabbitmq-ha-model-");
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Replaces exactly one occurrence of `from` in a file of `dir`; fails loudly if it is not there once. */
export function edit(dir: string, file: string, from: string, to: string): void {
  const target = path.join(dir, file);
  const text = fs.readFileSync(target, "utf8");
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${file}: expected "${from}" once, found ${count} times`);
  fs.writeFileSync(target, text.replace(from, to));
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run validate`'s script (cli/validate.ts) for real, as a subprocess. */
export function runValidate(args: readonly string[], cwd = REPO): CliRun {
  const result = spawnSync(path.join(REPO, "node_modules/.bin/tsx"), [path.join(REPO, "cli/validate.ts"), ...args], { cwd, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
