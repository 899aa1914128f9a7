/**
 * `npm run verify -- --stack <name>`: the reliability probe against a deployed stack (verify/).
 * Exit 0 when every check passed (warnings allowed unless --strict), 1 when a check failed,
 * 2 when it could not run; then it prints one line on stderr and never a stack trace.
 * Flags come from verify/options/args.ts; --stack and --dir are checked as every command checks
 * them (cli/lib/args.ts): `--stack Pulumi.dev.yaml` is stack dev, a missing stack is named.
 * SIGINT/SIGTERM: the running check stops, the probe's temporary vhost and user are removed,
 * then exit 130/143 (verify/interrupt.ts).
 */
import { formatDiagnostic, loadStack } from "../model/load";
import type { Model } from "../model/types";
import { describeError, VerifyAbort } from "../verify/errors";
import { abortOnSignals } from "../verify/interrupt";
import { parseVerifyArgs, USAGE } from "../verify/options/args";
import { resolveVerifyOptions, type StackSource } from "../verify/options/resolve";
import { readStackOutputs } from "../verify/options/stackOutputs";
import { formatJson, formatTable } from "../verify/report";
import { runVerify } from "../verify/run";
import { projectDirOf, stackOf } from "./lib/args";

const EXIT = { ok: 0, failed: 1, couldNotRun: 2 } as const;

function loadModel(projectDir: string, stack: string): Model {
  const { model, diagnostics } = loadStack(projectDir, stack);
  if (model !== undefined) return model;
  const errors = diagnostics.filter((d) => d.severity === "error");
  const first = errors[0] === undefined ? "" : `; first: ${formatDiagnostic(errors[0])}`;
  throw new VerifyAbort(`stack ${stack}'s config has ${errors.length} error(s) (npm run validate -- --stack ${stack})${first}`);
}

const interruption = abortOnSignals();

async function main(argv: readonly string[]): Promise<number> {
  const args = parseVerifyArgs(argv, process.cwd());
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  let model: Model | undefined;
  let stack: StackSource | undefined;
  if (args.stack !== undefined) {
    const projectDir = projectDirOf(args.projectDir);
    const name = stackOf(projectDir, args.stack);
    model = loadModel(projectDir, name);
    stack = await readStackOutputs(projectDir, name);
  }
  const result = await runVerify({ ...resolveVerifyOptions(args, process.env, stack, model), signal: interruption.signal });
  if (args.json) process.stdout.write(`${formatJson(result)}\n`);
  if (result.aborted !== undefined) {
    process.stderr.write(`verify: ${result.aborted}\n`);
    return interruption.exitCode() ?? EXIT.couldNotRun;
  }
  if (!args.json) process.stdout.write(`${formatTable(result)}\n`);
  if (!result.ok || (args.strict && result.degraded)) return EXIT.failed;
  return EXIT.ok;
}

// process.exit, not exitCode: a check that ran out of time may still hold a socket, and the
// probe promises to finish within its budget.
main(process.argv.slice(2)).then(
  (code) => process.exit(interruption.exitCode() ?? code),
  (error: unknown) => {
    // Bad arguments, an invalid stack config, or a bug: one line either way.
    process.stderr.write(`verify: ${describeError(error)}\n`);
    process.exit(interruption.exitCode() ?? EXIT.couldNotRun);
  },
);
