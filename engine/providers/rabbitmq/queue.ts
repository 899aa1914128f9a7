/**
 * rabbitmq:index/queue:Queue: PUT /api/queues/{vhost}/{name}. `argumentsJson` is parsed and sent
 * with its JSON types (numbers stay numbers); plain `arguments` are strings. Durable defaults to
 * false in the provider.
 */
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { InputError, optBool, optString, reqObject, reqString, stringMap } from "../inputs";
import { deleteAt, endpointOf, management, seg, splitId } from "./http";

async function create({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.Queue ${resource.name}`;
  const name = reqString(inputs, "name", where);
  const vhost = optString(inputs, "vhost", where) ?? "/";
  const settings = reqObject(inputs, "settings", where);
  await management(endpointOf(providerInputs, where), "PUT", `/api/queues/${seg(vhost)}/${seg(name)}`, {
    durable: optBool(settings, "durable", `${where} settings`) ?? false,
    auto_delete: optBool(settings, "autoDelete", `${where} settings`) ?? false,
    arguments: argumentsOf(settings, `${where} settings`),
  });
  return { id: `${name}@${vhost}`, state: { ...inputs, vhost, settings: await readSettings(providerInputs, vhost, name, settings, where) } };
}

/**
 * resource_queue.go ReadQueue (115-159, 219-229): durable and auto_delete from the broker; the
 * broker's arguments as `argumentsJson` (Go's json.Marshal: compact, keys sorted) when the
 * config used argumentsJson or any argument is not a string, else as `arguments`.
 */
async function readSettings(providerInputs: HandlerInput["providerInputs"], vhost: string, name: string, declared: Record<string, unknown>, where: string): Promise<Record<string, unknown>> {
  const read = (await management(endpointOf(providerInputs, where), "GET", `/api/queues/${seg(vhost)}/${seg(name)}`)).body as Record<string, unknown>;
  const args = (read["arguments"] ?? {}) as Record<string, unknown>;
  const asJson = declared["argumentsJson"] !== undefined || Object.values(args).some((v) => typeof v !== "string");
  const sorted = Object.fromEntries(Object.entries(args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    durable: read["durable"],
    autoDelete: read["auto_delete"],
    ...(asJson ? { argumentsJson: JSON.stringify(sorted) } : { arguments: args }),
  };
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

/** DeleteQueue: DELETE /api/queues/{vhost}/{name}, unconditionally (messages go with it). */
export const queueProvider: ResourceProvider = {
  create,
  delete: (old: ResourceState, provider) => {
    const [name, vhost] = splitId(old.id);
    return deleteAt(provider, old, `/api/queues/${seg(vhost)}/${seg(name)}`);
  },
};
