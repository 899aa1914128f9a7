/**
 * Declared versus deployed, one object at a time, strict about types: a TTL the broker holds as
 * the string "600000" is not the number 600000 (it is what the provider's plain `arguments`
 * would have sent), and the difference names both with their JSON spelling so it is visible.
 */
import { isDeepStrictEqual } from "node:util";
import { fail, pass, skip, type Outcome } from "../check";
import type { ExpectedObject } from "./expected";

export interface ActualObject {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly arguments: Readonly<Record<string, unknown>>;
}

/** Arguments the broker adds by itself (3.13+ records the queue type it chose). */
const IGNORED_EXTRA_ARGUMENTS: ReadonlySet<string> = new Set(["x-queue-type"]);

const show = (value: unknown): string => JSON.stringify(value) ?? "undefined";

export function differences(expected: ExpectedObject, actual: ActualObject | undefined): string[] {
  if (actual === undefined) return [`${expected.id}: missing`];
  const found: string[] = [];
  for (const [key, want] of Object.entries(expected.fields)) {
    const have = actual.fields[key];
    if (!isDeepStrictEqual(want, have)) found.push(`${expected.id}: ${key} expected ${show(want)}, found ${show(have)}`);
  }
  for (const [key, want] of Object.entries(expected.arguments)) {
    if (!(key in actual.arguments)) found.push(`${expected.id}: ${key} expected ${show(want)}, not set`);
    else if (!isDeepStrictEqual(want, actual.arguments[key])) {
      found.push(`${expected.id}: ${key} expected ${show(want)}, found ${show(actual.arguments[key])}`);
    }
  }
  for (const [key, have] of Object.entries(actual.arguments)) {
    if (!(key in expected.arguments) && !IGNORED_EXTRA_ARGUMENTS.has(key)) {
      found.push(`${expected.id}: ${key} not declared, found ${show(have)}`);
    }
  }
  return found;
}

/** How many differences a detail line lists before it only counts the rest. */
export const LISTED_DIFFERENCES = 5;

/** One outcome for a kind of object: every declared one matches, or the first differences. */
export function summarise(noun: string, declared: number, found: readonly string[]): Outcome {
  if (declared === 0) return skip(`no ${noun} declared`);
  if (found.length === 0) return pass(`${declared} declared ${noun} match`);
  const listed = found.slice(0, LISTED_DIFFERENCES).join("; ");
  const more = found.length > LISTED_DIFFERENCES ? ` (+${found.length - LISTED_DIFFERENCES} more)` : "";
  return fail(`${found.length} difference${found.length === 1 ? "" : "s"} in ${declared} declared ${noun}: ${listed}${more}`);
}
