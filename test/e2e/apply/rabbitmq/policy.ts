/**
 * rabbitmq:index/policy:Policy and rabbitmq:index/operatorPolicy:OperatorPolicy:
 * PUT /api/policies|operator-policies/{vhost}/{name}. The provider's definition is a map of
 * strings; values that parse as integers are sent as integers, and for ha-mode "nodes" the
 * comma-separated ha-params become a list. Booleans therefore arrive as the strings "true"/"false".
 */
import { AppliedState, HandlerInput } from "../types";
import { optString, reqNumber, reqObject, reqString, stringMap } from "../inputs";
import { endpointOf, management, seg } from "./http";

export function policyDefinition(definition: Record<string, string>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...definition };
  if (definition["ha-mode"] === "nodes" && definition["ha-params"] !== undefined) {
    result["ha-params"] = definition["ha-params"].split(",");
  }
  for (const [key, value] of Object.entries(definition)) {
    if (/^[+-]?\d+$/.test(value)) result[key] = Number.parseInt(value, 10);
  }
  return result;
}

function policyHandler(kind: "Policy" | "OperatorPolicy", collection: string) {
  return async ({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> => {
    const where = `rabbitmq.${kind} ${resource.name}`;
    const name = reqString(inputs, "name", where);
    const vhost = reqString(inputs, "vhost", where);
    const policy = reqObject(inputs, "policy", where);
    const at = `${where} policy`;
    await management(endpointOf(providerInputs, where), "PUT", `/api/${collection}/${seg(vhost)}/${seg(name)}`, {
      pattern: reqString(policy, "pattern", at),
      priority: reqNumber(policy, "priority", at),
      "apply-to": optString(policy, "applyTo", at) ?? "",
      definition: policyDefinition(stringMap(policy, "definition", at)),
    });
    return { id: `${name}@${vhost}`, state: { ...inputs } };
  };
}

export const applyPolicy = policyHandler("Policy", "policies");
export const applyOperatorPolicy = policyHandler("OperatorPolicy", "operator-policies");
