/**
 * Loads the Pulumi program (index.ts) with a fresh copy of every project module, so each run
 * reads its own config and declares its own resources, while packages under node_modules
 * (@pulumi/pulumi above all, whose runtime holds the mocks) stay shared.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { register } from "tsx/cjs/api";

function forgetProjectModules(projectDir: string): void {
  const prefix = projectDir + path.sep;
  for (const file of Object.keys(require.cache)) {
    if (file.startsWith(prefix) && !file.includes(`${path.sep}node_modules${path.sep}`)) delete require.cache[file];
  }
}

/**
 * `require`s `<projectDir>/index.ts`. TypeScript is compiled by tsx's require hook, installed
 * for the load when the process does not have one (vitest, plain node) and removed after.
 */
export function loadProgram(projectDir: string): Record<string, unknown> {
  const dir = path.resolve(projectDir);
  const entry = path.join(dir, "index.ts");
  forgetProjectModules(dir);
  const unregister = require.extensions[".ts"] === undefined ? register() : undefined;
  try {
    return createRequire(entry)(entry) as Record<string, unknown>;
  } finally {
    unregister?.();
  }
}
