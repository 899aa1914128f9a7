/**
 * @peculiar/x509, loaded after the smallest Reflect metadata API its dependency tsyringe checks
 * for at load (`Reflect.getMetadata`; its decorators also call defineMetadata/getOwnMetadata).
 * The usual polyfill, the `reflect-metadata` package, is not installed here: add it as a
 * dependency and import it instead of this shim when dependencies can change.
 */
const metadata = new WeakMap<object, Map<unknown, unknown>>();
const reflect = Reflect as unknown as Record<string, unknown>;
if (typeof reflect["getMetadata"] !== "function") {
  const own = (target: object): Map<unknown, unknown> => {
    let map = metadata.get(target);
    if (!map) metadata.set(target, (map = new Map()));
    return map;
  };
  reflect["defineMetadata"] = (key: unknown, value: unknown, target: object) => void own(target).set(key, value);
  reflect["getOwnMetadata"] = (key: unknown, target: object) => metadata.get(target)?.get(key);
  reflect["getMetadata"] = (key: unknown, target: object): unknown => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const value = metadata.get(t)?.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const x509 = require("@peculiar/x509") as typeof import("@peculiar/x509");
