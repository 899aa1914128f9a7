/**
 * rabbitmq:index/binding:Binding: POST /api/bindings/{vhost}/e/{source}/{q|e}/{destination};
 * the properties key comes back in the Location header and is part of the id.
 */
import { AppliedState, HandlerInput } from "../types";
import { InputError, optString, reqString } from "../inputs";
import { endpointOf, management, seg } from "./http";
import { argumentsOf } from "./queue";

export async function applyBinding({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.Binding ${resource.name}`;
  const vhost = reqString(inputs, "vhost", where);
  const source = reqString(inputs, "source", where);
  const destination = reqString(inputs, "destination", where);
  const destinationType = reqString(inputs, "destinationType", where);
  const kind = { queue: "q", exchange: "e" }[destinationType];
  if (!kind) throw new InputError(`${where}: destinationType must be queue or exchange, got "${destinationType}"`);
  const response = await management(
    endpointOf(providerInputs, where),
    "POST",
    `/api/bindings/${seg(vhost)}/e/${seg(source)}/${kind}/${seg(destination)}`,
    { routing_key: optString(inputs, "routingKey", where) ?? "", arguments: argumentsOf(inputs, where) },
  );
  const location = response.headers.get("location") ?? "";
  const propertiesKey = decodeURIComponent(location.split("/").at(-1) ?? "");
  const id = [vhost.replaceAll("%", "%25").replaceAll("/", "%2F"), source, destination, destinationType, propertiesKey].join("/");
  return { id, state: { ...inputs, propertiesKey } };
}
