/**
 * rabbitmq:index/binding:Binding: POST /api/bindings/{vhost}/e/{source}/{q|e}/{destination};
 * the properties key comes back in the Location header and is part of the id.
 */
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { InputError, optString, reqString } from "../inputs";
import { deleteAt, endpointOf, management, seg } from "./http";
import { argumentsOf } from "./queue";

async function create({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
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

/** DeleteBinding: DELETE /api/bindings/{vhost}/e/{source}/{q|e}/{destination}/{properties key}. */
export const bindingProvider: ResourceProvider = {
  create,
  delete: (old: ResourceState, provider) => {
    const o = old.outputs;
    const kind = o["destinationType"] === "queue" ? "q" : "e";
    const path = `/api/bindings/${seg(String(o["vhost"]))}/e/${seg(String(o["source"]))}/${kind}/${seg(String(o["destination"]))}/${seg(String(o["propertiesKey"]))}`;
    return deleteAt(provider, old, path);
  },
};
