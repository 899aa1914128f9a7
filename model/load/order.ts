/** Diagnostics as printed: each once, stack file first, then topology files in listed order, by position. */
import type { Diagnostic } from "../types";

export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify(d);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Stack file first, then topology files in listed order; by line and column within a file. */
export function sortDiagnostics(diagnostics: Diagnostic[], stackFile: string, files: readonly string[]): Diagnostic[] {
  const rank = (file: string): number => (file === stackFile ? -1 : files.includes(file) ? files.indexOf(file) : files.length);
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d.file) - rank(b.d.file) || a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map(({ d }) => d);
}
