/** Order-insensitive structural equality and a readable diff line for check failures. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** "" when equal, else `what: broker has X, declared Y`. */
export function difference(what: string, live: unknown, declared: unknown): string {
  const a = canonical(live);
  const b = canonical(declared);
  return a === b ? "" : `${what}: broker has ${a}, declared ${b}`;
}
