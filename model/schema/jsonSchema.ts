/**
 * JSON Schemas generated from the zod schemas, for editors (yaml-language-server): one for a
 * whole Pulumi.<stack>.yaml (its `config:` block), one for a topology file. `npm run schema`
 * writes them to schema/; a test fails when the committed copies are stale.
 */
import { z } from "zod";
import { CONFIG_NAMESPACE, REQUIRED_STACK_KEYS, SECRET_KEYS, STACK_KEYS, stackKeySchemas } from "./stackConfig";
import { topologyFileSchema } from "./topologyFile";

type JsonSchema = Record<string, unknown>;

const DRAFT = "http://json-schema.org/draft-07/schema#";

function toJson(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-7" }) as JsonSchema;
  return rest;
}

export function stackConfigJsonSchema(): JsonSchema {
  const qualified = (key: string) => `${CONFIG_NAMESPACE}:${key}`;
  const properties: JsonSchema = Object.fromEntries(STACK_KEYS.map((key) => [qualified(key), toJson(stackKeySchemas[key])]));
  const secure = { type: "object", properties: { secure: { type: "string" } }, required: ["secure"], additionalProperties: false };
  const doc = (key: string, description: string) => `Secret: ${description} Set with \`pulumi config set --secret ${qualified(key)}\`.`;
  for (const [key, description] of Object.entries(SECRET_KEYS)) properties[qualified(key)] = { description: doc(key, description), ...secure };
  // `pulumi config set --secret --path rabbitmq-ha:userPasswords.<user>` writes one secure value
  // per user; model/load/stackConfig.ts accepts that form too.
  properties[qualified("userPasswords")] = {
    description: `${doc("userPasswords", SECRET_KEYS.userPasswords)} Or per user: \`pulumi config set --secret --path ${qualified("userPasswords")}.<user>\`.`,
    anyOf: [secure, { type: "object", additionalProperties: secure, minProperties: 1 }],
  };
  const known = [...STACK_KEYS, ...Object.keys(SECRET_KEYS)].join("|");
  return {
    $schema: DRAFT,
    title: "rabbitmq-ha stack file (Pulumi.<stack>.yaml)",
    description: "Stack configuration of the rabbitmq-ha project; see docs/config-reference.md.",
    type: "object",
    properties: {
      config: {
        type: "object",
        properties,
        required: REQUIRED_STACK_KEYS.map(qualified),
        // Other namespaces (docker:, pulumi:) are free; an unknown rabbitmq-ha: key is a typo.
        patternProperties: { [`^${CONFIG_NAMESPACE}:(?!(${known})$)`]: false },
      },
      encryptionsalt: { type: "string" },
      secretsprovider: { type: "string" },
      encryptedkey: { type: "string" },
      environment: {},
    },
    required: ["config"],
  };
}

export function topologyJsonSchema(): JsonSchema {
  return { $schema: DRAFT, ...toJson(topologyFileSchema) };
}

/** The files `npm run schema` writes, by path relative to the project. */
export function generatedSchemaFiles(): Record<string, string> {
  const text = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;
  return {
    "schema/stack-config.schema.json": text(stackConfigJsonSchema()),
    "schema/topology.schema.json": text(topologyJsonSchema()),
  };
}
