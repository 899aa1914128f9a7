/**
 * The YAML files of one load, by project-relative name, and the conversion of rule findings
 * (file + path) into diagnostics (file + line + column + dotted path).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "../types";
import type { Where } from "../locations";
import type { Finding } from "../rules/finding";
import { formatPath, parseYamlSource, positionOf, type YamlSource } from "../source/yamlSource";

export type ReadResult = { readonly ok: true; readonly source: YamlSource; readonly diagnostics: Diagnostic[] } | { readonly ok: false; readonly reason: string };

export class SourceSet {
  private readonly sources = new Map<string, YamlSource>();

  constructor(private readonly projectDir: string) {}

  /** Reads and parses a project file; syntax errors are diagnostics of that file. */
  read(file: string): ReadResult {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(this.projectDir, file), "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === "ENOENT" ? "not found" : code === "EISDIR" ? "is a directory" : `cannot be read (${code ?? String(error)})` };
    }
    const { source, diagnostics } = parseYamlSource(file, text);
    this.sources.set(file, source);
    return { ok: true, source, diagnostics };
  }

  diagnostic(finding: Finding): Diagnostic {
    return this.at(finding.where, finding.severity, finding.message);
  }

  at(where: Where, severity: Diagnostic["severity"], message: string): Diagnostic {
    const { line, column } = positionOf(this.sources.get(where.file), where.path, where.atKey ?? false);
    return { severity, file: where.file, line, column, path: formatPath(where.path), message };
  }

  cite(where: Where): string {
    const { line, column } = positionOf(this.sources.get(where.file), where.path, where.atKey ?? false);
    return `${where.file}:${line}:${column}`;
  }
}

/** Project-relative, forward slashes, no `./`: how files are named in messages. */
export function displayName(file: string): string {
  return path.posix.normalize(file.replace(/\\/g, "/"));
}
