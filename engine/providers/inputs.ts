/**
 * Typed reads of plain resource inputs. A wrong type means the program declared something the
 * real provider's schema would refuse, so the error names the resource and the field.
 */
export type Inputs = Readonly<Record<string, unknown>>;

export class InputError extends Error {}

function fail(where: string, key: string, expected: string, value: unknown): never {
  throw new InputError(`${where}: input "${key}" must be ${expected}, got ${JSON.stringify(value)}`);
}

export function reqString(inputs: Inputs, key: string, where: string): string {
  const value = inputs[key];
  if (typeof value !== "string" || value === "") fail(where, key, "a non-empty string", value);
  return value;
}

export function optString(inputs: Inputs, key: string, where: string): string | undefined {
  const value = inputs[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") fail(where, key, "a string", value);
  return value;
}

export function optBool(inputs: Inputs, key: string, where: string): boolean | undefined {
  const value = inputs[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") fail(where, key, "a boolean", value);
  return value;
}

export function optNumber(inputs: Inputs, key: string, where: string): number | undefined {
  const value = inputs[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number") fail(where, key, "a number", value);
  return value;
}

export function reqNumber(inputs: Inputs, key: string, where: string): number {
  const value = inputs[key];
  if (typeof value !== "number") fail(where, key, "a number", value);
  return value;
}

export function optList(inputs: Inputs, key: string, where: string): readonly unknown[] {
  const value = inputs[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(where, key, "a list", value);
  return value;
}

export function optObject(inputs: Inputs, key: string, where: string): Inputs | undefined {
  const value = inputs[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) fail(where, key, "an object", value);
  return value as Inputs;
}

export function reqObject(inputs: Inputs, key: string, where: string): Inputs {
  const value = optObject(inputs, key, where);
  if (value === undefined) fail(where, key, "an object", value);
  return value;
}

export function stringList(inputs: Inputs, key: string, where: string): string[] {
  return optList(inputs, key, where).map((item, i) =>
    typeof item === "string" ? item : fail(where, `${key}[${i}]`, "a string", item),
  );
}

/** A map whose values the provider schema types as strings (TypeMap without Elem). */
export function stringMap(inputs: Inputs, key: string, where: string): Record<string, string> {
  const value = optObject(inputs, key, where) ?? {};
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (typeof v === "string") return [k, v];
      // Terraform coerces scalar map values to strings before the provider sees them.
      if (typeof v === "number" || typeof v === "boolean") return [k, String(v)];
      return fail(where, `${key}.${k}`, "a string", v);
    }),
  );
}
