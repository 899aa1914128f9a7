/**
 * The verify CLI as a user runs it (`npm run verify` is `tsx cli/verify.ts`): a subprocess with
 * settings in its environment, never on its command line, where other users could read them.
 */
import { spawn } from "node:child_process";

export interface CliRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Variables the CLI reads; cleared from the inherited environment so only `env` speaks. */
const VERIFY_ENV_PREFIX = "RABBITMQ_HA_";

export function runVerifyCli(projectDir: string, args: readonly string[], env: Readonly<Record<string, string>>, timeoutMs: number): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith(VERIFY_ENV_PREFIX)));
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "cli/verify.ts", ...args], { cwd: projectDir, env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") reject(new Error(`verify CLI still running after ${timeoutMs / 1000}s: killed`));
      else resolve({ exitCode, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8"), ms: Date.now() - started });
    });
  });
}

/** Each secret replaced by [secret], so a detail may quote output that leaked one. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret !== "").reduce((out, secret) => out.split(secret).join("[secret]"), text);
}

/**
 * What is wrong with a run that should have stopped with one line (verify's "could not run"):
 * exit status 2, nothing on stdout, exactly one line on stderr matching `reason`, no stack
 * trace, no secret.
 */
export function oneLineFailureProblems(run: CliRun, reason: RegExp, secrets: readonly string[]): string[] {
  const lines = run.stderr.split("\n").filter((line) => line !== "");
  const output = run.stdout + run.stderr;
  return [
    ...(run.exitCode === 2 ? [] : [`exit status ${run.exitCode}, expected 2 (could not run)`]),
    ...(run.stdout === "" ? [] : [`printed on stdout: ${redact(run.stdout, secrets).split("\n")[0]}`]),
    ...(lines.length === 1 ? [] : [`${lines.length} lines on stderr, expected 1`]),
    ...(/^\s+at .+:\d+/m.test(run.stderr) ? ["a stack trace on stderr"] : []),
    ...(secrets.some((secret) => secret !== "" && output.includes(secret)) ? ["a password appears in the output"] : []),
    ...(reason.test(lines[0] ?? "") ? [] : [`the line does not match ${reason}: ${redact(lines[0] ?? "", secrets)}`]),
  ];
}

/** The last host address of an IPv4 subnet (.254 of a /24): inside our own network, unused by any declared container. */
export function lastHostAddress(cidr: string): string {
  const [address, bits] = cidr.split("/");
  const octets = (address ?? "").split(".").map(Number);
  const prefix = Number(bits);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255) || !(prefix >= 8 && prefix <= 30)) {
    throw new Error(`not an IPv4 subnet: ${cidr}`);
  }
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  const last = base - (base % size) + size - 2;
  return [24, 16, 8, 0].map((shift) => Math.floor(last / 2 ** shift) % 256).join(".");
}
