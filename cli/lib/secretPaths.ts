/**
 * Where the secrets are in a resource's inputs, read from the inputs as the SDK serialised them.
 *
 * The mock monitor's `newResource` receives deserialised inputs, and deserialisation hoists
 * secretness to the top-level property (a secret `uploads[0].content` makes all of `uploads`
 * secret). The serialised request still marks each secret where it is, so the paths come from
 * there: a plain file next to a secret one stays readable in the manifest.
 */
import * as pulumi from "@pulumi/pulumi";

/** What the manifest and printed output show instead of a secret value. */
export const MASK = "[secret]";

const SIG_KEY = pulumi.runtime.specialSigKey;
const OUTPUT_VALUE_SIG = pulumi.runtime.specialOutputValueSig;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSerializedSecret(value: unknown): boolean {
  if (!isObject(value)) return false;
  const sig = value[SIG_KEY];
  return sig === pulumi.runtime.specialSecretSig || (sig === OUTPUT_VALUE_SIG && value["secret"] === true);
}

/** `a.b[0]["x.y"]`: dotted for plain keys, bracketed when a key would be ambiguous. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return parent === "" ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** Paths of every secret in a serialised property map (a secret's insides are not listed). */
export function secretPathsOf(serialized: unknown, path = ""): string[] {
  if (isSerializedSecret(serialized)) return [path];
  if (Array.isArray(serialized)) return serialized.flatMap((v, i) => secretPathsOf(v, childPath(path, i)));
  if (isObject(serialized) && serialized[SIG_KEY] === undefined) {
    return Object.entries(serialized).flatMap(([k, v]) => secretPathsOf(v, childPath(path, k)));
  }
  return [];
}

/** A deep copy of plain `value` with the value at every listed path replaced by MASK. */
export function maskPaths<T>(value: T, paths: readonly string[]): T {
  return replacePaths(value, paths, () => MASK);
}

/** A deep copy of plain `value` with the value at every listed path replaced by `replace(value)`. */
export function replacePaths<T>(value: T, paths: readonly string[], replace: (found: unknown) => unknown): T {
  const wanted = new Set(paths);
  const walk = (v: unknown, path: string): unknown => {
    if (wanted.has(path)) return replace(v);
    if (Array.isArray(v)) return v.map((item, i) => walk(item, childPath(path, i)));
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, childPath(path, k))]));
    return v;
  };
  return walk(value, "") as T;
}

/** A deep copy with every wrapped secret (`{<sig>: <secret sig>, value}`) replaced by its value. */
export function unwrapSecrets(value: unknown): unknown {
  if (pulumi.runtime.isRpcSecret(value)) return unwrapSecrets(pulumi.runtime.unwrapRpcSecret(value));
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
  return value;
}
