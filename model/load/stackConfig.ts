/**
 * The `rabbitmq-ha:*` keys of a stack: each validated by its schema; unknown keys, missing
 * required keys and secrets written in plain text reported with the key's position.
 */
import type { z } from "zod";
import { describeIssues, unknownKey } from "../schema/issues";
import {
  CONFIG_NAMESPACE,
  REQUIRED_STACK_KEYS,
  SECRET_KEY_NAMES,
  STACK_KEYS,
  secureValueSchema,
  stackKeySchemas,
  type StackInput,
  type StackKey,
} from "../schema/stackConfig";
import { error, type Finding } from "../rules/finding";

const isStackKey = (key: string): key is StackKey => (STACK_KEYS as string[]).includes(key);
const isSecretKey = (key: string): boolean => (SECRET_KEY_NAMES as string[]).includes(key);
const qualified = (key: string): string => `${CONFIG_NAMESPACE}:${key}`;
const isSecure = (value: unknown): boolean => secureValueSchema.safeParse(value).success;

/**
 * Where a secret key holds plain text ([] = the key itself). userPasswords may be one encrypted
 * object or, as `pulumi config set --secret --path rabbitmq-ha:userPasswords.<user>` writes it,
 * an object of user -> encrypted value: the program receives either as decrypted JSON.
 */
function plainTextPaths(key: string, value: unknown): string[][] {
  if (isSecure(value)) return [];
  if (key === "userPasswords" && typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).filter(([, v]) => !isSecure(v)).map(([user]) => [user]);
  }
  return [[]];
}

export function validateStackConfig(config: Readonly<Record<string, unknown>>, stackFile: string): { values: StackInput; findings: Finding[] } {
  const findings: Finding[] = [];
  const values: Record<string, unknown> = {};
  const keyPath = (key: string) => ["config", qualified(key)];
  for (const [key, value] of Object.entries(config)) {
    if (isSecretKey(key)) {
      for (const at of plainTextPaths(key, value)) {
        const name = [qualified(key), ...at].join(".");
        const flag = at.length > 0 ? "--secret --path" : "--secret";
        findings.push(error({ file: stackFile, path: [...keyPath(key), ...at] }, `${name} is in plain text (secrets are encrypted: pulumi config set ${flag} ${name})`));
      }
      continue;
    }
    if (!isStackKey(key)) {
      const allowed = [...STACK_KEYS, ...SECRET_KEY_NAMES].map(qualified);
      findings.push(error({ file: stackFile, path: keyPath(key), atKey: true }, unknownKey(qualified(key), allowed)));
      continue;
    }
    const schema: z.ZodType = stackKeySchemas[key];
    const parsed = schema.safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    for (const problem of parsed.success ? [] : describeIssues(parsed.error.issues, value, schema)) {
      findings.push(error({ file: stackFile, path: [...keyPath(key), ...problem.path], atKey: problem.atKey }, problem.message));
    }
  }
  for (const key of REQUIRED_STACK_KEYS) {
    if (config[key] === undefined) {
      findings.push(error({ file: stackFile, path: ["config"] }, `missing ${qualified(key)} (required keys: ${REQUIRED_STACK_KEYS.map(qualified).join(", ")})`));
    }
  }
  return { values: values as StackInput, findings };
}
