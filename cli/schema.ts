/**
 * `npm run schema [-- --check] [--dir <project>]`: writes the JSON Schemas editors use
 * (schema/stack-config.schema.json, schema/topology.schema.json) and docs/config-reference.md,
 * all generated from model/schema/. `--check` writes nothing and exits 1 when a committed file
 * is stale. Arguments are parsed like every command's (cli/lib/args.ts): a typo is exit 2, not
 * a silent regeneration.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedFiles } from "../model/schema/generated";
import { type CommandSpec, EXIT, parseCommand, projectDirOf, runCommand } from "./lib/args";

const OPTIONS = { check: { type: "boolean" } } as const;
const SPEC = {
  name: "schema",
  synopsis: "[--check] [--dir <project>]",
  summary: "Regenerates schema/*.schema.json and docs/config-reference.md from model/schema/.",
  options: OPTIONS,
  optionHelp: [["--check", "write nothing; exit 1 when a generated file is stale"]],
  failure: "--check found a stale file",
} as const satisfies CommandSpec<typeof OPTIONS>;

function main(argv: readonly string[]): number {
  const options = parseCommand(SPEC, argv);
  if (options === undefined) return EXIT.ok;
  const projectDir = projectDirOf(options.dir);
  let stale = 0;
  for (const [file, content] of Object.entries(generatedFiles())) {
    const target = path.join(projectDir, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (current === content) {
      process.stdout.write(`up to date  ${file}\n`);
      continue;
    }
    if (options.check) {
      stale++;
      process.stdout.write(`stale       ${file} (run npm run schema)\n`);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    process.stdout.write(`wrote       ${file}\n`);
  }
  return stale > 0 ? EXIT.failed : EXIT.ok;
}

runCommand(SPEC.name, () => main(process.argv.slice(2)));
