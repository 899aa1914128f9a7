/**
 * `npm run render -- --stack <name> --out <dir> [--dir <project>]`: offline, without the Pulumi
 * CLI, writes every file the deployment places into its containers (rabbitmq.conf per node,
 * haproxy.cfg and keepalived.conf per load balancer, ...) and <dir>/manifest.json, every resource
 * the program declares; secrets are "[secret]". Exit 1 on an invalid stack, 2 on a usage mistake.
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { ModelValidationError } from "../model/load";
import { renderToDir } from "./lib/renderToDir";

const USAGE = "usage: npm run render -- --stack <name> --out <directory> [--dir <project directory>]";

async function main(argv: readonly string[]): Promise<number> {
  let options: { stack?: string; out?: string; dir?: string; help?: boolean };
  try {
    options = parseArgs({
      args: [...argv],
      options: { stack: { type: "string", short: "s" }, out: { type: "string", short: "o" }, dir: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`render: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!options.stack || !options.out) {
    process.stderr.write(`render: --stack and --out are required\n${USAGE}\n`);
    return 2;
  }
  const outDir = path.resolve(options.out);
  try {
    const summary = await renderToDir({ projectDir: path.resolve(options.dir ?? process.cwd()), stack: options.stack, outDir });
    for (const file of summary.files) process.stdout.write(`${path.join(outDir, file)}\n`);
    process.stdout.write(`stack ${options.stack}: ${summary.files.length} files, ${summary.resources} resources in the manifest\n`);
    return 0;
  } catch (error) {
    if (error instanceof ModelValidationError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`render: unexpected failure: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
