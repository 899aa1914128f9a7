/** rabbitmq:index/vHost:VHost: PUT /api/vhosts/{name} (the provider's schema has only `name`). */
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { reqString } from "../inputs";
import { deleteAt, endpointOf, management, seg } from "./http";

async function create({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.VHost ${resource.name}`;
  const name = reqString(inputs, "name", where);
  await management(endpointOf(providerInputs, where), "PUT", `/api/vhosts/${seg(name)}`, {});
  return { id: name, state: { ...inputs, name } };
}

/** resourceDeleteVhost: DELETE /api/vhosts/{name} (drops everything in it). */
export const vhostProvider: ResourceProvider = {
  create,
  delete: (old: ResourceState, provider) => deleteAt(provider, old, `/api/vhosts/${seg(old.id)}`),
};
