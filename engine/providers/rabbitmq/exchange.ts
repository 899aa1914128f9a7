/**
 * rabbitmq:index/exchange:Exchange: PUT /api/exchanges/{vhost}/{name} with type, durable,
 * auto_delete and arguments. The provider types `arguments` as a map of strings.
 */
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { optBool, reqObject, reqString, stringMap } from "../inputs";
import { deleteAt, endpointOf, management, seg, splitId } from "./http";

async function create({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.Exchange ${resource.name}`;
  const name = reqString(inputs, "name", where);
  const vhost = (inputs["vhost"] as string | undefined) ?? "/";
  const settings = reqObject(inputs, "settings", where);
  const at = `${where} settings`;
  await management(endpointOf(providerInputs, where), "PUT", `/api/exchanges/${seg(vhost)}/${seg(name)}`, {
    type: reqString(settings, "type", at),
    durable: optBool(settings, "durable", at) ?? false,
    auto_delete: optBool(settings, "autoDelete", at) ?? false,
    arguments: stringMap(settings, "arguments", at),
  });
  // resource_exchange.go ReadExchange (107-118): settings come back from the broker.
  const read = (await management(endpointOf(providerInputs, where), "GET", `/api/exchanges/${seg(vhost)}/${seg(name)}`)).body as Record<string, unknown>;
  const settingsRead = {
    type: read["type"],
    durable: read["durable"],
    autoDelete: read["auto_delete"],
    arguments: read["arguments"] ?? {},
  };
  return { id: `${name}@${vhost}`, state: { ...inputs, vhost, settings: settingsRead } };
}

/**
 * v1.8.0 marks `settings` ForceNew only at the list level, so a changed type, durability or
 * argument plans an in-place update, and with no Update function the apply fails
 * (terraform-plugin-sdk resource.go Apply; upstream issue cyrilgdn/terraform-provider-rabbitmq#71).
 */
async function update({ resource }: HandlerInput): Promise<Record<string, unknown>> {
  throw new Error(`rabbitmq.Exchange ${resource.name}: doesn't support update`);
}

/** DeleteExchange: DELETE /api/exchanges/{vhost}/{name}, the id split on its last `@`. */
export const exchangeProvider: ResourceProvider = {
  create,
  update,
  delete: (old: ResourceState, provider) => {
    const [name, vhost] = splitId(old.id);
    return deleteAt(provider, old, `/api/exchanges/${seg(vhost)}/${seg(name)}`);
  },
};
