/**
 * Which files of an output folder `npm run render` wrote, so a second render into the same
 * folder leaves no stale file (a removed node's rabbitmq.conf) and never touches anything else.
 *
 * The record is `<out>/.rabbitmq-ha-render.json`: {"files": [relative paths]}. A render may write
 * into a missing or empty folder, or into one holding that record; it deletes only the files the
 * record lists. Any other non-empty folder is refused: it may be someone's work.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const RECORD_FILE = ".rabbitmq-ha-render.json";

/** The folder is neither empty nor a previous render's output. */
export class NotARenderFolder extends Error {
  override name = "NotARenderFolder";
}

function previousFiles(outDir: string): string[] | undefined {
  const record = path.join(outDir, RECORD_FILE);
  if (!fs.existsSync(record)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(record, "utf8")) as { files?: unknown };
  return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === "string") : [];
}

/** `relative` stays inside outDir (a record edited by hand must not reach outside it). */
function inside(outDir: string, relative: string): string | undefined {
  const file = path.resolve(outDir, relative);
  return file.startsWith(outDir + path.sep) ? file : undefined;
}

/** Removes empty folders from `dir` up to (not including) outDir. */
function pruneEmpty(outDir: string, dir: string): void {
  for (let d = dir; d.startsWith(outDir + path.sep); d = path.dirname(d)) {
    if (fs.readdirSync(d).length > 0) return;
    fs.rmdirSync(d);
  }
}

/** Makes outDir ready for a render: created, or cleared of the files the last render wrote. */
export function claimOutDir(out: string): void {
  const outDir = path.resolve(out);
  if (!fs.existsSync(outDir)) {
    fs.mkdirSync(outDir, { recursive: true });
    return;
  }
  if (!fs.statSync(outDir).isDirectory()) throw new NotARenderFolder(`--out ${outDir} is a file, not a folder`);
  const previous = previousFiles(outDir);
  if (previous === undefined) {
    if (fs.readdirSync(outDir).length === 0) return;
    throw new NotARenderFolder(`--out ${outDir} is not empty and is not a previous render's output (no ${RECORD_FILE}); pick an empty or new folder`);
  }
  for (const relative of previous) {
    const file = inside(outDir, relative);
    if (file === undefined || !fs.existsSync(file)) continue;
    fs.rmSync(file);
    pruneEmpty(outDir, path.dirname(file));
  }
  fs.rmSync(path.join(outDir, RECORD_FILE));
}

export function recordOutDir(outDir: string, files: readonly string[]): void {
  fs.writeFileSync(path.join(outDir, RECORD_FILE), `${JSON.stringify({ files }, null, 2)}\n`);
}
