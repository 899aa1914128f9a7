/**
 * A policy definition in the shape @pulumi/rabbitmq takes: a map of strings. The provider turns
 * integer-looking strings into integers and, for `ha-mode: nodes`, splits `ha-params` on
 * commas into a list (terraform-provider-rabbitmq putPolicy). So numbers are written as their
 * decimal text and lists joined with commas. Booleans have no representation there: they go
 * as "true"/"false" strings, which is what the broker gets.
 */
import type { PolicySpec } from "../../model/types";

export function policyDefinition(definition: PolicySpec["definition"]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(definition).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : String(value)]),
  );
}
