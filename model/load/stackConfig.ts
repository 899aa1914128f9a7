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

export function validateStackConfig(config: Readonly<Record<string, unknown>>, stackFile: string): { values: StackInput; findings: Finding[] } {
  const findings: Finding[] = [];
  const values: Record<string, unknown> = {};
  const keyPath = (key: string) => ["config", qualified(key)];
  for (const [key, value] of Object.entries(config)) {
    if (isSecretKey(key)) {
      if (!secureValueSchema.safeParse(value).success) {
        findings.push(error({ file: stackFile, path: keyPath(key) }, `${qualified(key)} is in plain text (secrets are encrypted: pulumi config set --secret ${qualified(key)})`));
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
