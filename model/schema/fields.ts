/**
 * Building blocks shared by the input schemas: unit strings, addresses, names.
 *
 * Each refinement reports "what is wrong (what is allowed)" itself, so the loader can print the
 * message as is. Patterns are attached as metadata so the generated JSON Schema lets editors
 * flag the same mistakes.
 */
import { z } from "zod";
import { DURATION_PATTERN, SIZE_PATTERN, durationMs, parseDuration, parseSize, type UnitResult } from "../units";
import { CIDR_PATTERN, IPV4_PATTERN, parseCidr, parseIpv4 } from "../net/ipv4";

function checkedString(check: (text: string) => string | undefined, pattern: RegExp) {
  return z
    .string()
    .superRefine((text, ctx) => {
      const problem = check(text);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
    })
    .meta({ pattern: pattern.source });
}

function fromUnits(parse: (text: string) => UnitResult) {
  return (text: string): string | undefined => {
    const result = parse(text);
    return result.ok ? undefined : result.error;
  };
}

/** Kinds of string values, by the pattern their schema carries: for messages and the reference. */
export const NAMED_VALUES: Readonly<Record<string, { readonly kind: string; readonly noun: string }>> = {
  [DURATION_PATTERN.source]: { kind: "duration", noun: "a duration such as 200ms, 2m or 1h" },
  [SIZE_PATTERN.source]: { kind: "size", noun: "a size such as 4MB or 512MiB" },
  [IPV4_PATTERN.source]: { kind: "IPv4 address", noun: "an IPv4 address such as 172.28.8.10" },
  [CIDR_PATTERN.source]: { kind: "IPv4 CIDR", noun: "an IPv4 CIDR such as 172.28.8.0/24" },
};

/** A duration such as 200ms, 1.5s, 2m, 1h (model/units.ts). */
export const duration = () => checkedString(fromUnits(parseDuration), DURATION_PATTERN);

/** A duration above zero, for settings RabbitMQ refuses at 0 (it would not boot). */
export const positiveDuration = () =>
  duration().refine((text) => !parseDuration(text).ok || durationMs(text) > 0, { error: (issue) => `${JSON.stringify(issue.input)} is zero (allowed: a duration above zero, e.g. 1s)` });

/** A size such as 4MB or 512MiB (model/units.ts). */
export const size = () => checkedString(fromUnits(parseSize), SIZE_PATTERN);

export const ipv4 = () =>
  checkedString(
    (text) => (parseIpv4(text) === undefined ? `"${text}" is not an IPv4 address (four numbers 0-255, e.g. 172.28.8.10)` : undefined),
    IPV4_PATTERN,
  );

export const cidr = () =>
  checkedString(
    (text) => (parseCidr(text) === undefined ? `"${text}" is not an IPv4 CIDR (address/prefix, e.g. 172.28.8.0/24)` : undefined),
    CIDR_PATTERN,
  );

/** A regular expression; compiled to check it, with the flags-free syntax RabbitMQ and JS share. */
export const regexSource = () =>
  z.string().superRefine((text, ctx) => {
    try {
      new RegExp(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `"${text}" is not a valid regular expression: ${(error as Error).message}` });
    }
  });

/** RabbitMQ's limit on vhost, exchange, queue and user names: 255 bytes of UTF-8 (AMQP shortstr). */
export const MAX_NAME_BYTES = 255;

/**
 * RabbitMQ object names: non-empty, at most 255 UTF-8 bytes. `maxLength` is kept for editors
 * (JSON Schema counts characters, a necessary bound); the byte count is the real check.
 */
export const objectName = () =>
  z
    .string()
    .min(1)
    .superRefine((text, ctx) => {
      const bytes = Buffer.byteLength(text, "utf8");
      if (bytes > MAX_NAME_BYTES) {
        const chars = [...text].length;
        ctx.addIssue({ code: "custom", message: `is ${bytes} bytes long in UTF-8${chars === bytes ? "" : `, ${chars} characters`} (at most ${MAX_NAME_BYTES} bytes)` });
      }
    })
    .meta({ maxLength: MAX_NAME_BYTES });

/** Anchored regexes these fields must match (kept beside the field, not in rules: shape, not policy). */
export const HOSTNAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
export const hostname = () =>
  z.string().regex(HOSTNAME_PATTERN, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a valid hostname (lowercase letters, digits and inner hyphens, at most 63 characters)`,
  });

export const port = () => z.number().int().min(1).max(65535);
