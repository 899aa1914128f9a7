/**
 * rabbitmq:index/user:User (PUT /api/users/{name}, tags comma-joined as rabbit-hole sends them),
 * rabbitmq:index/permissions:Permissions (PUT /api/permissions/{vhost}/{user}) and
 * rabbitmq:index/topicPermissions:TopicPermissions (PUT /api/topic-permissions/{vhost}/{user}).
 */
import { AppliedState, HandlerInput } from "../types";
import { Inputs, optList, reqObject, reqString, stringList } from "../inputs";
import { endpointOf, management, seg } from "./http";

export async function applyUser({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.User ${resource.name}`;
  const name = reqString(inputs, "name", where);
  await management(endpointOf(providerInputs, where), "PUT", `/api/users/${seg(name)}`, {
    password: reqString(inputs, "password", where),
    tags: stringList(inputs, "tags", where).join(","),
  });
  return { id: name, state: { ...inputs } };
}

export async function applyPermissions({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.Permissions ${resource.name}`;
  const user = reqString(inputs, "user", where);
  const vhost = (inputs["vhost"] as string | undefined) ?? "/";
  const permissions = reqObject(inputs, "permissions", where);
  const at = `${where} permissions`;
  await management(endpointOf(providerInputs, where), "PUT", `/api/permissions/${seg(vhost)}/${seg(user)}`, {
    configure: reqStringAllowEmpty(permissions, "configure", at),
    write: reqStringAllowEmpty(permissions, "write", at),
    read: reqStringAllowEmpty(permissions, "read", at),
  });
  return { id: `${user}@${vhost}`, state: { ...inputs, vhost } };
}

export async function applyTopicPermissions({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.TopicPermissions ${resource.name}`;
  const user = reqString(inputs, "user", where);
  const vhost = (inputs["vhost"] as string | undefined) ?? "/";
  for (const raw of optList(inputs, "permissions", where)) {
    const entry = raw as Inputs;
    await management(endpointOf(providerInputs, where), "PUT", `/api/topic-permissions/${seg(vhost)}/${seg(user)}`, {
      exchange: reqString(entry, "exchange", where),
      write: reqStringAllowEmpty(entry, "write", where),
      read: reqStringAllowEmpty(entry, "read", where),
    });
  }
  return { id: `${user}@${vhost}`, state: { ...inputs, vhost } };
}

/** Permission patterns may be "" (grant nothing), which is still a required string. */
function reqStringAllowEmpty(holder: Inputs, key: string, where: string): string {
  const value = holder[key];
  if (typeof value !== "string") throw new Error(`${where}: input "${key}" must be a string, got ${JSON.stringify(value)}`);
  return value;
}
