/**
 * Strict parsing of the human units the config files use.
 *
 * Durations: an integer or decimal number followed by ms, s, m or h (200ms, 1.5s, 2m, 1h);
 * the result must be a whole number of milliseconds. Sizes follow RabbitMQ's convention:
 * kB/KB, MB, GB are decimal (1000), KiB, MiB, GiB binary (1024), B is bytes; the result must be
 * a whole number of bytes. Nothing else is accepted: a bare number has no unit, so it is refused
 * rather than guessed.
 */

export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
export const SIZE_PATTERN = /^(\d+(?:\.\d+)?)(B|kB|KB|MB|GB|KiB|MiB|GiB)$/;

export const DURATION_ALLOWED = "a number with a unit ms, s, m or h, e.g. 200ms, 1.5s, 2m, 1h";
export const SIZE_ALLOWED = "a number with a unit B, kB/KB, MB, GB (1000) or KiB, MiB, GiB (1024), e.g. 4MB, 512MiB";

/** RabbitMQ refuses a max_message_size above 512 MiB. */
export const MAX_MESSAGE_SIZE_LIMIT_BYTES = 512 * 1024 * 1024;

const DURATION_FACTORS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE_FACTORS: Readonly<Record<string, number>> = {
  B: 1,
  kB: 1000,
  KB: 1000,
  MB: 1000 ** 2,
  GB: 1000 ** 3,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
};

export type UnitResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

function parseWithUnits(
  text: unknown,
  pattern: RegExp,
  factors: Readonly<Record<string, number>>,
  what: { readonly noun: string; readonly base: string; readonly allowed: string },
): UnitResult {
  if (typeof text !== "string") {
    return { ok: false, error: `expected a ${what.noun} string, got ${describeValue(text)} (${what.allowed})` };
  }
  const match = pattern.exec(text);
  if (!match) return { ok: false, error: `"${text}" is not a ${what.noun} (${what.allowed})` };
  const [, amount = "", unit = ""] = match;
  // Scale in integers where possible so 1.1s is exactly 1100, not 1100.0000000000002.
  const value = Math.round(Number(amount) * (factors[unit] ?? Number.NaN) * 1e6) / 1e6;
  if (!Number.isInteger(value)) {
    return { ok: false, error: `"${text}" is not a whole number of ${what.base} (${what.allowed})` };
  }
  if (!Number.isSafeInteger(value)) return { ok: false, error: `"${text}" is too large (${what.allowed})` };
  return { ok: true, value };
}

/** Parses a duration into milliseconds. */
export function parseDuration(text: unknown): UnitResult {
  return parseWithUnits(text, DURATION_PATTERN, DURATION_FACTORS, {
    noun: "duration",
    base: "milliseconds",
    allowed: DURATION_ALLOWED,
  });
}

/** Parses a size into bytes. */
export function parseSize(text: unknown): UnitResult {
  return parseWithUnits(text, SIZE_PATTERN, SIZE_FACTORS, { noun: "size", base: "bytes", allowed: SIZE_ALLOWED });
}

/** Parses a duration that is known to be valid (schema-checked); throws otherwise. */
export function durationMs(text: string): number {
  return unwrap(parseDuration(text));
}

/** Parses a size that is known to be valid (schema-checked); throws otherwise. */
export function sizeBytes(text: string): number {
  return unwrap(parseSize(text));
}

function unwrap(result: UnitResult): number {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** A short description of a value for messages: `number 3.13`, `"abc"`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
