/**
 * rabbitmq:index/exchange:Exchange: PUT /api/exchanges/{vhost}/{name} with type, durable,
 * auto_delete and arguments. The provider types `arguments` as a map of strings.
 */
import { AppliedState, HandlerInput } from "../types";
import { optBool, reqObject, reqString, stringMap } from "../inputs";
import { endpointOf, management, seg } from "./http";

export async function applyExchange({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
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
  return { id: `${name}@${vhost}`, state: { ...inputs, vhost } };
}
