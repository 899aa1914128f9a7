/**
 * The Pulumi program's entry to the model: reads the `rabbitmq-ha:*` objects through
 * pulumi.Config (so it works under mocks too) and validates them with the same loader as
 * `npm run validate`, throwing one error listing everything before any resource is declared.
 * Secret keys are left to infra/secrets.ts: they are neither read nor logged here.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Model } from "../model/types";
import { loadModel, ModelValidationError } from "../model/load";
import { CONFIG_NAMESPACE, SECRET_KEY_NAMES } from "../model/schema/stackConfig";

/** Non-secret `rabbitmq-ha:*` keys (prefix stripped), objects parsed from their JSON form. */
export function readPulumiConfig(): Record<string, unknown> {
  const config = new pulumi.Config(CONFIG_NAMESPACE);
  const prefix = `${CONFIG_NAMESPACE}:`;
  const keys = Object.keys(pulumi.runtime.allConfig())
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .filter((key) => !(SECRET_KEY_NAMES as string[]).includes(key));
  return Object.fromEntries(keys.map((key) => [key, parseValue(config.get(key))]));
}

/** Pulumi hands structured values over as JSON text; a plain string stays a string. */
function parseValue(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function loadModelFromPulumiConfig(): Model {
  const stack = pulumi.getStack();
  const result = loadModel({
    project: pulumi.getProject(),
    stack,
    projectDir: process.cwd(),
    config: readPulumiConfig(),
    // Positions come from the stack file when it exists; values always from the engine.
    stackFile: `Pulumi.${stack}.yaml`,
  });
  if (!result.model) throw new ModelValidationError(result.diagnostics);
  return result.model;
}
