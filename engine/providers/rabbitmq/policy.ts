/**
 * rabbitmq:index/policy:Policy and rabbitmq:index/operatorPolicy:OperatorPolicy:
 * PUT /api/policies|operator-policies/{vhost}/{name}. The provider's definition is a map of
 * strings; values that parse as integers are sent as integers, and for ha-mode "nodes" the
 * comma-separated ha-params become a list. Booleans therefore arrive as the strings "true"/"false".
 */
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { optString, reqNumber, reqObject, reqString, stringMap } from "../inputs";
import { deleteAt, endpointOf, management, seg } from "./http";

/**
 * resource_policy.go putPolicy (192-229): integer-looking strings go as integers and, for
 * policies only, `ha-mode: nodes` splits `ha-params` into a list; resource_operator_policy.go
 * puts its definition without that special case.
 */
export function policyDefinition(definition: Record<string, string>, operator = false): Record<string, unknown> {
  const result: Record<string, unknown> = { ...definition };
  if (!operator && definition["ha-mode"] === "nodes" && definition["ha-params"] !== undefined) {
    result["ha-params"] = definition["ha-params"].split(",");
  }
  for (const [key, value] of Object.entries(definition)) {
    if (/^[+-]?\d+$/.test(value)) result[key] = Number.parseInt(value, 10);
  }
  return result;
}

/** A definition as the provider stores it: numbers via FormatFloat('f', -1), lists joined with ",". */
export function readDefinition(definition: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(definition).map(([key, value]) => [key, Array.isArray(value) ? value.map(String).join(",") : String(value)]),
  );
}

function policyProvider(kind: "Policy" | "OperatorPolicy", collection: string): ResourceProvider {
  // Create and update are the same PUT (resource_policy.go: CreatePolicy and UpdatePolicy both put).
  const put = async ({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> => {
    const where = `rabbitmq.${kind} ${resource.name}`;
    const name = reqString(inputs, "name", where);
    const vhost = reqString(inputs, "vhost", where);
    const policy = reqObject(inputs, "policy", where);
    const at = `${where} policy`;
    await management(endpointOf(providerInputs, where), "PUT", `/api/${collection}/${seg(vhost)}/${seg(name)}`, {
      pattern: reqString(policy, "pattern", at),
      priority: reqNumber(policy, "priority", at),
      "apply-to": optString(policy, "applyTo", at) ?? "",
      definition: policyDefinition(stringMap(policy, "definition", at), kind === "OperatorPolicy"),
    });
    // resource_policy.go ReadPolicy (91-137): numbers come back as strings, lists comma-joined.
    const read = (await management(endpointOf(providerInputs, where), "GET", `/api/${collection}/${seg(vhost)}/${seg(name)}`)).body as Record<string, unknown>;
    const policyRead = {
      pattern: read["pattern"],
      priority: read["priority"],
      applyTo: read["apply-to"],
      definition: readDefinition((read["definition"] ?? {}) as Record<string, unknown>),
    };
    return { id: `${name}@${vhost}`, state: { ...inputs, policy: policyRead } };
  };
  return {
    create: put,
    update: async (input) => (await put(input)).state,
    delete: (old: ResourceState, provider) =>
      deleteAt(provider, old, `/api/${collection}/${seg(String(old.inputs["vhost"]))}/${seg(String(old.inputs["name"]))}`),
  };
}

export const policyProviderOf = policyProvider("Policy", "policies");
export const operatorPolicyProvider = policyProvider("OperatorPolicy", "operator-policies");
