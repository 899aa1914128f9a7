/**
 * What `npm run render` writes: every rendered file, as `<out>/<container>/<path in the
 * container>`, `<out>/prometheus.yml` (a scrape config listing every metrics endpoint), and
 * `<out>/manifest.json`, the `{type, name, provider, inputs}` of every resource the
 * program declares, in registration order. Secrets are "[secret]" in both. A folder a previous
 * render wrote is cleared of that render's files first (cli/lib/renderOwnership.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadStackOrThrow } from "../../model/load";
import type { Diagnostic } from "../../model/types";
import { renderStackFiles } from "../../render/stackFiles";
import { renderPrometheusConfig } from "../../render/prometheusConfig";
import type { NewResource } from "./declaredResource";
import { maskedInputs, runProgram } from "./programRunner";
import { claimOutDir, recordOutDir } from "./renderOwnership";

export interface RenderOptions {
  readonly projectDir: string;
  readonly stack: string;
  readonly outDir: string;
  /** For tests: how resources are created (default: fakes, nothing is applied). */
  readonly newResource?: NewResource;
}

export interface RenderSummary {
  /** Paths written, relative to outDir. */
  readonly files: string[];
  readonly resources: number;
  /** The stack's warnings (a render goes ahead with them). */
  readonly warnings: readonly Diagnostic[];
}

function write(outDir: string, relative: string, text: string): string {
  const file = path.join(outDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return relative;
}

export async function renderToDir(o: RenderOptions): Promise<RenderSummary> {
  // Validation first: a bad stack fails with its diagnostics before the program runs.
  const model = loadStackOrThrow(o.projectDir, o.stack);
  // Before the program runs, so a refused folder costs nothing.
  claimOutDir(o.outDir);
  // The program logs the model's warnings too; they are returned below, in validate's format.
  const onLog = (line: string) => (line.startsWith("warning: ") ? undefined : process.stderr.write(`${line}\n`));
  const { resources } = await runProgram({ projectDir: o.projectDir, stack: o.stack, onLog, ...(o.newResource ? { newResource: o.newResource } : {}) });
  const files = renderStackFiles(model).map((f) => write(o.outDir, path.join(f.container, f.path), f.text));
  // `provider`: the explicit provider's name (one docker provider per Docker host), so the
  // manifest shows which engine each container and image goes to.
  const manifest = resources.map((r) => ({ type: r.type, name: r.name, ...(r.provider ? { provider: providerName(r.provider) } : {}), inputs: maskedInputs(r) }));
  files.push(write(o.outDir, "prometheus.yml", renderPrometheusConfig(model)));
  files.push(write(o.outDir, "manifest.json", `${JSON.stringify(manifest, null, 2)}\n`));
  recordOutDir(o.outDir, files);
  return { files, resources: resources.length, warnings: model.warnings };
}

/** `<provider urn>::<provider id>` -> the provider resource's name (the URN's last part). */
function providerName(reference: string): string {
  const parts = reference.split("::");
  return parts.at(-2) ?? reference;
}
