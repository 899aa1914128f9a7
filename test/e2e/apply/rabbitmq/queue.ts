/**
 * rabbitmq:index/queue:Queue: PUT /api/queues/{vhost}/{name}. `argumentsJson` is parsed and sent
 * with its JSON types (numbers stay numbers); plain `arguments` are strings. Durable defaults to
 * false in the provider.
 */
import { AppliedState, HandlerInput } from "../types";
import { InputError, optBool, optString, reqObject, reqString, stringMap } from "../inputs";
import { endpointOf, management, seg } from "./http";

export async function applyQueue({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.Queue ${resource.name}`;
  const name = reqString(inputs, "name", where);
  const vhost = optString(inputs, "vhost", where) ?? "/";
  const settings = reqObject(inputs, "settings", where);
  await management(endpointOf(providerInputs, where), "PUT", `/api/queues/${seg(vhost)}/${seg(name)}`, {
    durable: optBool(settings, "durable", `${where} settings`) ?? false,
    auto_delete: optBool(settings, "autoDelete", `${where} settings`) ?? false,
    arguments: argumentsOf(settings, `${where} settings`),
  });
  return { id: `${name}@${vhost}`, state: { ...inputs, vhost } };
}

/** `arguments` and `argumentsJson` conflict in the provider's schema; JSON wins when set. */
export function argumentsOf(holder: Record<string, unknown>, where: string): Record<string, unknown> {
  const json = optString(holder, "argumentsJson", where);
  const plain = stringMap(holder, "arguments", where);
  if (json !== undefined && Object.keys(plain).length > 0) {
    throw new InputError(`${where}: "arguments" conflicts with "argumentsJson"`);
  }
  if (json === undefined) return plain;
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new InputError(`${where}: argumentsJson must be a JSON object, got ${json}`);
  }
  return parsed as Record<string, unknown>;
}
