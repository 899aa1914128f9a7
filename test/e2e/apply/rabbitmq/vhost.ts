/** rabbitmq:index/vHost:VHost: PUT /api/vhosts/{name} (the provider's schema has only `name`). */
import { AppliedState, HandlerInput } from "../types";
import { reqString } from "../inputs";
import { endpointOf, management, seg } from "./http";

export async function applyVhost({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.VHost ${resource.name}`;
  const name = reqString(inputs, "name", where);
  await management(endpointOf(providerInputs, where), "PUT", `/api/vhosts/${seg(name)}`, {});
  return { id: name, state: { ...inputs, name } };
}
