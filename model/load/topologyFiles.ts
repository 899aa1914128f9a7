/**
 * Reads the topology files a stack lists: a missing, unreadable or invalid-YAML file is a
 * diagnostic like any other; each document is checked against the topology file schema.
 */
import type { Diagnostic } from "../types";
import { describeIssues } from "../schema/issues";
import { topologyFileSchema } from "../schema/topologyFile";
import { error, type Finding } from "../rules/finding";
import type { ParsedTopologyFile } from "../build/topology";
import { CONFIG_NAMESPACE } from "../schema/stackConfig";
import { displayName, type SourceSet } from "./sources";

export interface TopologyFilesResult {
  readonly files: ParsedTopologyFile[];
  /** YAML syntax errors, already positioned. */
  readonly syntax: Diagnostic[];
  readonly findings: Finding[];
}

export function readTopologyFiles(listed: readonly string[], stackFile: string, sources: SourceSet): TopologyFilesResult {
  const result: TopologyFilesResult = { files: [], syntax: [], findings: [] };
  const seen = new Set<string>();
  listed.forEach((entry, index) => {
    const file = displayName(entry);
    const listedAt = { file: stackFile, path: ["config", `${CONFIG_NAMESPACE}:topology`, "files", index] };
    if (seen.has(file)) {
      result.findings.push(error(listedAt, `"${entry}" is listed twice (list each topology file once)`));
      return;
    }
    seen.add(file);
    const read = sources.read(file);
    if (!read.ok) {
      result.findings.push(error(listedAt, `topology file "${entry}" ${read.reason} (paths are relative to the project directory)`));
      return;
    }
    if (read.diagnostics.length > 0) {
      result.syntax.push(...read.diagnostics);
      return;
    }
    const input: unknown = read.source.doc.toJS();
    const parsed = topologyFileSchema.safeParse(input);
    if (parsed.success) {
      result.files.push({ file, data: parsed.data });
      return;
    }
    for (const problem of describeIssues(parsed.error.issues, input, topologyFileSchema)) {
      result.findings.push(error({ file, path: problem.path, atKey: problem.atKey }, problem.message));
    }
  });
  return result;
}
