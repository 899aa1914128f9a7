/**
 * Policy values in human units -> what RabbitMQ stores: message-ttl and expires in
 * milliseconds, max-length-bytes (and max-in-memory-bytes) in bytes. Values that do not parse
 * are kept as written, so model/rules/policyKeys.ts can say what is wrong with them.
 */
import type { PolicySpec } from "../types";
import { POLICY_KEYS } from "../policyKeys";
import { parseDuration, parseSize } from "../units";

type DefinitionValue = PolicySpec["definition"][string];

export function normalizeDefinition(definition: Readonly<Record<string, unknown>>): Record<string, DefinitionValue> {
  return Object.fromEntries(Object.entries(definition).map(([name, value]) => [name, normalizeValue(name, value)]));
}

function normalizeValue(name: string, value: unknown): DefinitionValue {
  const kind = POLICY_KEYS[name]?.value.kind;
  if (typeof value === "string" && (kind === "duration" || kind === "size")) {
    const parsed = kind === "duration" ? parseDuration(value) : parseSize(value);
    if (parsed.ok) return parsed.value;
  }
  // Anything else is checked, not converted; the model is only handed out when every value passed.
  return value as DefinitionValue;
}
