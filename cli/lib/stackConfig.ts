/**
 * A stack's configuration as the Pulumi CLI would hand it to the program, read offline: the
 * project's defaults (Pulumi.yaml `config:`) under the stack's values (Pulumi.<stack>.yaml
 * `config:`). Keys get the project namespace when they have none; objects are JSON, as the CLI
 * passes them.
 *
 * Secure values (`{secure: v1:...}`) cannot be decrypted without the CLI and the passphrase, so
 * they are treated as absent: the program then generates what it would have read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";

export type ConfigValues = Record<string, string>;

function readYaml(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const parsed: unknown = YAML.parse(fs.readFileSync(file, "utf8"));
  return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

function isSecure(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** A copy without secure leaves (an object whose only key is `secure`). */
function withoutSecure(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !isSecure(v)).map(withoutSecure);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => !isSecure(v)).map(([k, v]) => [k, withoutSecure(v)]));
  }
  return value;
}

/** The CLI's wire form of one config value; undefined when the value is secure. */
export function configText(value: unknown): string | undefined {
  if (value === undefined || value === null || isSecure(value)) return undefined;
  if (typeof value === "object") return JSON.stringify(withoutSecure(value));
  return String(value);
}

function namespaced(project: string, key: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

/** Project name and the merged config of one stack. */
export function readStackConfig(projectDir: string, stack: string): { project: string; config: ConfigValues } {
  const projectFile = readYaml(path.join(projectDir, "Pulumi.yaml"));
  const project = String(projectFile["name"] ?? "");
  if (project === "") throw new Error(`${path.join(projectDir, "Pulumi.yaml")} has no project name`);
  const config: ConfigValues = {};
  const declared = (projectFile["config"] ?? {}) as Record<string, unknown>;
  for (const [key, spec] of Object.entries(declared)) {
    // A declaration is either a bare default or {type, description, secret, default}.
    const value = typeof spec === "object" && spec !== null && !Array.isArray(spec) ? (spec as Record<string, unknown>)["default"] : spec;
    const text = configText(value);
    if (text !== undefined) config[namespaced(project, key)] = text;
  }
  const stackFile = readYaml(path.join(projectDir, `Pulumi.${stack}.yaml`));
  for (const [key, value] of Object.entries((stackFile["config"] ?? {}) as Record<string, unknown>)) {
    const text = configText(value);
    if (text === undefined) delete config[namespaced(project, key)];
    else config[namespaced(project, key)] = text;
  }
  return { project, config };
}
