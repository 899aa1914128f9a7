/**
 * Splits our path's time into phases the baseline has no equivalent of, so a miss against the
 * goal says where to look: loading the program's modules (tsx compiles and evaluates every
 * project file index.ts imports) and loading + validating + deriving the model. What is left of
 * (a) is declaring and registering the resources, components included.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadStack } from "../../model/load";
import { BENCH_STACK, REPO_DIR } from "./generate";

/** Makes the next run load this repository's modules afresh, as a new `pulumi up` would. */
export function forgetRepoModules(): void {
  const prefix = REPO_DIR + path.sep;
  const bench = path.join(REPO_DIR, "bench") + path.sep;
  for (const file of Object.keys(require.cache)) {
    const project = file.startsWith(prefix) && !file.includes(`${path.sep}node_modules${path.sep}`);
    if (project && !file.startsWith(bench)) delete require.cache[file];
  }
}

/** The project modules index.ts imports (`from "./..."`), loaded afresh without running index.ts. */
export function loadProgramModules(): void {
  forgetRepoModules();
  const source = fs.readFileSync(path.join(REPO_DIR, "index.ts"), "utf8");
  for (const [, relative] of source.matchAll(/from "(\.\/[^"]+)"/g)) require(path.join(REPO_DIR, relative ?? ""));
}

export function loadAndValidate(projectDir: string): void {
  const result = loadStack(projectDir, BENCH_STACK);
  if (!result.model) throw new Error(`the generated topology does not validate: ${result.diagnostics.map((d) => d.message).join("; ")}`);
}
