/**
 * `npm run validate -- --stack <name> [--dir <project>]`: prints every diagnostic of the stack
 * (errors and warnings) as `file:line:col  path  message`; exit 1 on any error, 0 otherwise,
 * 2 on a usage mistake. No Pulumi CLI needed.
 */
import { parseArgs } from "node:util";
import { formatDiagnostic, listStacks, loadStack } from "../model/load";

const USAGE = "usage: npm run validate -- --stack <name> [--dir <project directory>]";

function main(argv: readonly string[]): number {
  let options: { stack?: string; dir?: string; help?: boolean };
  try {
    options = parseArgs({
      args: [...argv],
      options: { stack: { type: "string", short: "s" }, dir: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`validate: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const projectDir = options.dir ?? process.cwd();
  if (options.help || !options.stack) {
    const stacks = listStacks(projectDir);
    process.stderr.write(`${options.help ? "" : "validate: --stack is required\n"}${USAGE}\nstacks here: ${stacks.join(", ") || "none"}\n`);
    return options.help ? 0 : 2;
  }
  const result = loadStack(projectDir, options.stack);
  for (const diagnostic of result.diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.length - errors;
  const verdict = errors > 0 ? "invalid" : "valid";
  process.stdout.write(`stack ${options.stack}: ${verdict} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})\n`);
  return errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // A bug, not a config problem: still one clean line, no stack trace.
  process.stderr.write(`validate: unexpected failure: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
