/**
 * YAML documents with their source positions, so every diagnostic names a real line and column.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLError } from "yaml";
import type { Diagnostic } from "../types";

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface YamlSource {
  /** Relative to the project, as messages show it. */
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export const UNKNOWN_POSITION: Position = { line: 0, column: 0 };

/**
 * Parses YAML text; syntax errors (and duplicate keys) come back as diagnostics.
 *
 * Only the first syntax error is reported: the parser goes on after it and what it says next
 * usually only follows from the first (a tab used as indentation also yields "nested mappings
 * are not allowed" and "implicit keys need to be on a single line" for the same line). Duplicate
 * keys stand on their own, so all of them are reported when the syntax is otherwise fine.
 */
export function parseYamlSource(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors.filter((error) => error.code !== "DUPLICATE_KEY");
  const reported = syntax.length > 0 ? syntax.slice(0, 1) : doc.errors;
  const diagnostics = reported.map((error): Diagnostic => {
    const { line, col: column } = lineCounter.linePos(unclosedStart(doc, error) ?? error.pos[0]);
    return { severity: "error", file, line, column, path: "", message: `invalid YAML: ${firstLine(error.message)}` };
  });
  return { source: { file, doc, lineCounter }, diagnostics };
}

/**
 * An unclosed `[`, `{` or quote is noticed where the parser runs into the next line (or the end
 * of the file), one line or more after the mistake: point at the opening bracket or quote, the
 * start of the node that ends where the error is.
 */
function unclosedStart(doc: Document, error: YAMLError): number | undefined {
  const message = error.message;
  const wanted = message.startsWith("Flow sequence")
    ? (node: unknown) => isSeq(node) && node.flow === true
    : message.startsWith("Flow map")
      ? (node: unknown) => isMap(node) && node.flow === true
      : /^Missing closing .?quote/.test(message)
        ? (node: unknown) => isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")
        : undefined;
  if (!wanted) return undefined;
  let start: number | undefined;
  visit(doc, (_key, node) => {
    const range = (node as Node).range;
    if (wanted(node) && range && range[1] === error.pos[0]) start = Math.min(start ?? range[0], range[0]);
  });
  return start;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

/**
 * Position of the node at `path`: the value, or with `atKey` the key of the last segment.
 * A path that does not exist (a missing field) resolves to its nearest existing ancestor.
 */
export function positionOf(source: YamlSource | undefined, path: Path, atKey = false): Position {
  if (!source) return UNKNOWN_POSITION;
  let node: unknown = source.doc.contents;
  let best: Node | undefined = isNode(node) ? node : undefined;
  for (const [index, segment] of path.entries()) {
    const step = child(node, segment);
    if (!step) break;
    const last = index === path.length - 1;
    node = step.value;
    // Keys for key problems, and for mappings and lists (whose value starts a line below, and
    // which is where a missing field belongs).
    const onKey = step.key !== undefined && ((last && atKey) || isMap(step.value) || isSeq(step.value));
    const target = onKey ? step.key : step.value;
    if (isNode(target)) best = target;
    else if (step.key) best = step.key; // `key:` with no value: point at the key
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 }; // an empty document: its start
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

function child(node: unknown, segment: PathSegment): { key: Node | undefined; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
    return pair ? { key: isNode(pair.key) ? pair.key : undefined, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value);
}

/** `config.rabbitmq-ha:cluster.nodes[1].type`, `exchanges[0].name`. */
export function formatPath(path: Path): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === "number") return `${text}[${segment}]`;
    const key = /^[^.\s[\]"]+$/.test(segment) ? segment : `[${JSON.stringify(segment)}]`;
    return text === "" || key.startsWith("[") ? `${text}${key}` : `${text}.${key}`;
  }, "");
}
