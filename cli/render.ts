/**
 * `npm run render -- --stack <name> --out <dir> [--dir <project>]`: offline, without the Pulumi
 * CLI, writes every file the deployment places into its containers (rabbitmq.conf per node,
 * haproxy.cfg and keepalived.conf per load balancer, ...) and <dir>/manifest.json, every resource
 * the program declares; secrets are "[secret]". Paths written go to stdout, diagnostics to
 * stderr. Exit 1 on an invalid stack, 2 on a usage mistake (cli/lib/args.ts), including an --out
 * folder that holds files a render did not write.
 */
import * as path from "node:path";
import { formatDiagnostic, ModelValidationError } from "../model/load";
import { type CommandSpec, EXIT, parseCommand, projectDirOf, runCommand, STACK_HELP, STACK_OPTION, stackOf, UsageError } from "./lib/args";
import { NotARenderFolder } from "./lib/renderOwnership";

const OPTIONS = { ...STACK_OPTION, out: { type: "string", short: "o" } } as const;
const SPEC = {
  name: "render",
  synopsis: "--stack <name> --out <folder> [--dir <project>]",
  summary: [
    "Writes every file the deployment uploads into its containers, as <out>/<container>/<path>, and",
    "<out>/manifest.json, every resource the program declares; secrets are \"[secret]\". Rendering",
    "again into the same folder first removes what the previous render wrote; a folder holding",
    "anything else is refused.",
  ].join("\n"),
  options: OPTIONS,
  optionHelp: [STACK_HELP, ["--out, -o <folder>", "where to write (created if missing)"]],
  failure: "the stack has errors",
} as const satisfies CommandSpec<typeof OPTIONS>;

async function main(argv: readonly string[]): Promise<number> {
  const options = parseCommand(SPEC, argv);
  if (options === undefined) return EXIT.ok;
  const projectDir = projectDirOf(options.dir);
  const stack = stackOf(projectDir, options.stack);
  if (!options.out) throw new UsageError("--out is required (the folder to write into)");
  const outDir = path.resolve(options.out);
  // Loaded only now: it pulls in @pulumi/pulumi, seconds that --help and usage mistakes need not wait.
  const { renderToDir } = await import("./lib/renderToDir");
  try {
    const summary = await renderToDir({ projectDir, stack, outDir });
    for (const warning of summary.warnings) process.stderr.write(`${formatDiagnostic(warning)}\n`);
    for (const file of summary.files) process.stdout.write(`${path.join(outDir, file)}\n`);
    process.stdout.write(`stack ${stack}: ${summary.files.length} files, ${summary.resources} resources in the manifest\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof NotARenderFolder) throw new UsageError(error.message);
    if (!(error instanceof ModelValidationError)) throw error;
    // Every diagnostic, warnings too, in the format validate prints.
    for (const diagnostic of error.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    process.stderr.write(`render: stack ${stack} has errors; nothing written\n`);
    return EXIT.failed;
  }
}

runCommand(SPEC.name, () => main(process.argv.slice(2)));
