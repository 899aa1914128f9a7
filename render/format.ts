/**
 * Small value formatters shared by the renderers. Pure, no I/O.
 */

const UNITS: readonly (readonly [suffix: string, ms: number])[] = [
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
];

/** HAProxy time value: the largest unit that divides `ms` exactly (3h, 90s, 250ms). */
export function haproxyDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`duration ${ms} ms is not a positive whole number of milliseconds`);
  for (const [suffix, size] of UNITS) if (ms % size === 0) return `${ms / size}${suffix}`;
  return `${ms}ms`;
}

/** Seconds with as many decimals as needed (1000 -> "1", 200 -> "0.2", 1250 -> "1.25"). */
export function seconds(ms: number): string {
  return String(ms / 1000);
}

/** The Erlang node name RabbitMQ derives from a short hostname. */
export function erlangNodeName(hostname: string): string {
  return `rabbit@${hostname}`;
}

/** Value of an HTTP Basic `Authorization` header. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
}

/**
 * One argument in HAProxy's configuration language, taken literally: single quotes stop
 * `$VAR` expansion and escapes; an embedded single quote closes, escapes and reopens (HAProxy
 * joins adjacent quoted parts into one argument, like a shell).
 */
export function haproxyLiteral(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
