/**
 * Writers for the name catalog: Spring-style properties (`sale_mq.properties`), JSON and a
 * TypeScript module. All three carry the same keys: properties as dotted paths with `[i]` for
 * list items (Spring Boot binds both `@Value` and `@ConfigurationProperties` from them), JSON and
 * TypeScript as the nested object those paths describe. TypeScript keys are camelCase
 * identifiers (`SALE_MQ.exchange.toProduct.bindings[0].routingKey`): code reads them with dots,
 * not `exchange["to-product"]`.
 */
import type { CatalogEntry, KeyPath, SystemCatalog } from "./catalog";

export const NAME_FORMATS = ["properties", "json", "ts"] as const;
export type NameFormat = (typeof NAME_FORMATS)[number];

/** java.util.Properties escaping: backslash, leading blanks, and non-ASCII as \uXXXX (ISO-8859-1 files). */
function propertiesValue(value: string | number): string {
  return String(value)
    .replace(/\\/g, "\\\\")
    .replace(/^\s/, (c) => `\\${c}`)
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function propertiesKey(path: KeyPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function nest(entries: readonly CatalogEntry[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { path, value } of entries) {
    let node: any = root;
    path.forEach((segment, i) => {
      if (i === path.length - 1) node[segment] = value;
      else node = node[segment] ??= typeof path[i + 1] === "number" ? [] : {};
    });
  }
  return root;
}

/** to-product -> toProduct, 9-lives -> _9Lives: a valid identifier for dotted access. */
export function camelIdentifier(key: string): string {
  const id = key.replace(/[^A-Za-z0-9_$]+(.)?/g, (_, c: string | undefined) => (c === undefined ? "" : c.toUpperCase()));
  return /^[0-9]/.test(id) || id === "" ? `_${id}` : id;
}

const camelPaths = (entries: readonly CatalogEntry[]): CatalogEntry[] =>
  entries.map((e) => ({ ...e, path: e.path.map((p) => (typeof p === "number" ? p : camelIdentifier(p))) }));

function tsIdentifier(system: string): string {
  const id = `${system.toUpperCase().replace(/[^A-Z0-9_]/g, "_")}_MQ`;
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

export function renderNames(systems: readonly SystemCatalog[], format: NameFormat, banner: string): string {
  switch (format) {
    case "properties":
      return [`# ${banner}`, ...systems.flatMap((s) => ["", `# ---- ${s.system} ----`, ...s.entries.map((e) => `${propertiesKey(e.path)}=${propertiesValue(e.value)}`)]), ""].join("\n");
    case "json":
      return `${JSON.stringify(nest(systems.flatMap((s) => s.entries)), null, 2)}\n`;
    case "ts":
      return [
        `// ${banner}`,
        ...systems.map((s) => `\nexport const ${tsIdentifier(s.system)} = ${JSON.stringify(nest(camelPaths(s.entries))[camelIdentifier(s.key)], null, 2)} as const;`),
        "",
      ].join("\n");
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** One file per system, as the seed suggests: sale_mq.properties, product_mq.properties... */
export function fileNameFor(system: SystemCatalog, format: NameFormat): string {
  return `${system.key.replace(/[^a-z0-9-]/g, "_")}_mq.${format}`;
}
