/**
 * `npm run schema`: writes the JSON Schemas editors use (schema/stack-config.schema.json,
 * schema/topology.schema.json) and docs/config-reference.md, all generated from model/schema/.
 * `--check` writes nothing and exits 1 when a committed file is stale.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedFiles } from "../model/schema/generated";

function main(args: readonly string[]): number {
  const check = args.includes("--check");
  const projectDir = process.cwd();
  let stale = 0;
  for (const [file, content] of Object.entries(generatedFiles())) {
    const target = path.join(projectDir, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (current === content) {
      process.stdout.write(`up to date  ${file}\n`);
      continue;
    }
    if (check) {
      stale++;
      process.stdout.write(`stale       ${file} (run npm run schema)\n`);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    process.stdout.write(`wrote       ${file}\n`);
  }
  return stale > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
