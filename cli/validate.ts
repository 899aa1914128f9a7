/**
 * `npm run validate -- --stack <name> [--dir <project>]`: checks a stack's config and topology
 * files without the Pulumi CLI. Every diagnostic (errors and warnings) goes to stderr as
 * `file:line:col  path  message`; the verdict line to stdout. Exit 1 on any error, 2 on a usage
 * mistake (cli/lib/args.ts), 0 otherwise.
 */
import { formatDiagnostic, loadStack } from "../model/load";
import { type CommandSpec, EXIT, parseCommand, projectDirOf, runCommand, STACK_HELP, STACK_OPTION, stackOf } from "./lib/args";

const SPEC = {
  name: "validate",
  synopsis: "--stack <name> [--dir <project>]",
  summary: "Checks a stack's config (Pulumi.<stack>.yaml) and its topology files; prints every error and warning.",
  options: { ...STACK_OPTION },
  optionHelp: [STACK_HELP],
  failure: "the stack has errors",
} as const satisfies CommandSpec<typeof STACK_OPTION>;

function main(argv: readonly string[]): number {
  const options = parseCommand(SPEC, argv);
  if (options === undefined) return EXIT.ok;
  const projectDir = projectDirOf(options.dir);
  const stack = stackOf(projectDir, options.stack);
  const result = loadStack(projectDir, stack);
  for (const diagnostic of result.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = result.diagnostics.length - errors;
  const verdict = errors > 0 ? "invalid" : "valid";
  process.stdout.write(`stack ${stack}: ${verdict} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})\n`);
  return errors > 0 ? EXIT.failed : EXIT.ok;
}

runCommand(SPEC.name, () => main(process.argv.slice(2)));
