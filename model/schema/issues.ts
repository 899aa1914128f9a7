/**
 * Turns zod issues into "what is wrong (what is allowed)" messages with the path they belong to.
 *
 * zod's own messages ("Invalid input: expected string, received undefined") say neither which
 * value was wrong nor what would be right, so the message is rebuilt from the issue, the input
 * value at its path, and the schema at its path (allowed keys, enum values).
 */
import { z } from "zod";
import { describeValue } from "../units";
import type { Path, PathSegment } from "../source/yamlSource";
import { objectKeys, schemaAt } from "./introspect";
import { NAMED_VALUES } from "./fields";

export interface SchemaProblem {
  readonly path: Path;
  /** True when the problem is the key itself (an unknown key), not its value. */
  readonly atKey: boolean;
  readonly message: string;
}

type Issue = z.core.$ZodIssue;

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

export function describeIssues(issues: readonly Issue[], input: unknown, root: z.ZodType): SchemaProblem[] {
  return issues.flatMap((issue) => describeIssue(issue, input, root));
}

function describeIssue(issue: Issue, input: unknown, root: z.ZodType): SchemaProblem[] {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== "symbol");
  const value = valueAt(input, path);
  const problem = (message: string): SchemaProblem[] => [{ path, atKey: false, message }];
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = objectKeys(schemaAt(root, path));
      return issue.keys.map((key) => ({ path: [...path, key], atKey: true, message: unknownKey(key, allowed) }));
    }
    case "invalid_type":
      if (value === undefined) return problem(`missing (required: ${expectedOf(root, path, issue.expected)})`);
      return problem(`expected ${expectedOf(root, path, issue.expected)}, got ${describeValue(value)}`);
    case "invalid_value":
      return problem(`${describeValue(value)} is not allowed (allowed: ${issue.values.map(quote).join(", ")}${quoteHint(value, issue.values)})`);
    case "too_small":
      return problem(bound(value, issue.minimum, issue.inclusive ?? true, "small"));
    case "too_big":
      return problem(bound(value, issue.maximum, issue.inclusive ?? true, "big"));
    case "invalid_union":
      return problem(`${describeValue(value)} is not allowed (expected a string, a number or true/false)`);
    default:
      // custom and invalid_format issues carry messages written for this purpose (schema/fields.ts).
      return problem(issue.message);
  }
}

export function unknownKey(key: string, allowed: readonly string[]): string {
  const close = allowed.find((candidate) => editDistance(candidate.toLowerCase(), key.toLowerCase()) <= 2);
  const hint = close ? `did you mean "${close}"? ` : "";
  return `unknown key "${key}" (${hint}allowed: ${allowed.join(", ") || "none"})`;
}

function expectedOf(root: z.ZodType, path: Path, expected: string): string {
  const schema = schemaAt(root, path);
  const values = enumValues(schema);
  if (values) return `one of ${values.map(quote).join(", ")}`;
  const pattern = schema && z.globalRegistry.get(schema)?.["pattern"];
  const named = typeof pattern === "string" ? NAMED_VALUES[pattern] : undefined;
  return named?.noun ?? TYPE_NOUNS[expected] ?? expected;
}

function enumValues(schema: z.ZodType | undefined): readonly unknown[] | undefined {
  const def = schema?._zod.def as { type?: string; entries?: Record<string, unknown>; values?: unknown[] } | undefined;
  if (def?.type === "enum" && def.entries) return Object.values(def.entries);
  if (def?.type === "literal" && def.values) return def.values;
  return undefined;
}

function bound(value: unknown, limit: number | bigint, inclusive: boolean, side: "small" | "big"): string {
  if (Array.isArray(value)) {
    const need = side === "small" ? `at least ${limit}` : `at most ${limit}`;
    return `has ${value.length} item${value.length === 1 ? "" : "s"} (${need} required)`;
  }
  if (typeof value === "string") {
    return side === "small" ? `is empty (a non-empty string)` : `is ${value.length} characters long (at most ${limit})`;
  }
  const word = side === "small" ? (inclusive ? "at least" : "greater than") : inclusive ? "at most" : "less than";
  return `${describeValue(value)} is too ${side} (${word} ${limit})`;
}

function quote(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** `version: 4.0` parses as the number 4: tell the user to quote it. */
function quoteHint(value: unknown, values: readonly unknown[]): string {
  if (typeof value !== "number") return "";
  const candidates = [String(value), value.toFixed(1), value.toFixed(2)];
  const match = candidates.find((text) => values.includes(text));
  return match ? `; quote it: "${match}"` : "";
}

function valueAt(input: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, segment) => (node !== null && typeof node === "object" ? (node as Record<PathSegment, unknown>)[segment] : undefined),
    input,
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}
