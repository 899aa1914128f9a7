/**
 * A throwaway project for CLI tests, built from test/model/fixtures.ts (one valid stack, one
 * topology file) instead of the shipped examples: a user who adds a system or a stack to config/
 * must not see these tests fail. With `program`, the Pulumi program's sources are copied in and
 * node_modules linked, so render and the program runner work in it too.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { rawStack, saleFile, type Raw } from "../../model/fixtures";

export const REPO = path.resolve(__dirname, "../../..");
export const FIXTURE_STACK = "fixture";
/** What the program reads at run time, besides the stack's config. */
const PROGRAM_SOURCES = ["index.ts", "infra", "model", "ops", "render", "templates", "package.json", "tsconfig.json"];

const created: string[] = [];

/** Removes every project this module created; call from afterAll/afterEach. */
export function removeFixtureProjects(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface FixtureOptions {
  /** Extra `config:` entries of Pulumi.fixture.yaml, by full key (secure values as `{secure}`). */
  readonly config?: Record<string, unknown>;
  /** Changes the raw stack keys (test/model/fixtures.ts rawStack) before they are written. */
  readonly change?: (stack: Raw) => void;
  /** Copy the program in (render, runProgram); validate and names need only the config. */
  readonly program?: boolean;
}

/** A frozen copy of the example config (test/cli/fixtures/example): dev and modern, config/. */
export const EXAMPLE = path.resolve(__dirname, "../fixtures/example");
export const EXAMPLE_STACKS = ["dev", "modern"];

function newDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rabbitmq-ha-cli-"));
  created.push(dir);
  return dir;
}

function addProgram(dir: string): void {
  for (const entry of PROGRAM_SOURCES) fs.cpSync(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
}

/** A throwaway copy of the frozen example project, to break one thing in or to render. */
export function exampleProject(o: { readonly program?: boolean } = {}): string {
  const dir = newDir();
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  fs.rmSync(path.join(dir, "README.md"));
  if (o.program) addProgram(dir);
  return dir;
}

export function fixtureProject(o: FixtureOptions = {}): string {
  const dir = newDir();
  const stack = rawStack();
  o.change?.(stack);
  const config = { ...Object.fromEntries(Object.entries(stack).map(([k, v]) => [`rabbitmq-ha:${k}`, v])), ...o.config };
  fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  fs.writeFileSync(path.join(dir, `Pulumi.${FIXTURE_STACK}.yaml`), YAML.stringify({ config }));
  fs.mkdirSync(path.join(dir, "config"));
  fs.writeFileSync(path.join(dir, "config/sale.yaml"), YAML.stringify(saleFile()));
  if (o.program) addProgram(dir);
  return dir;
}
