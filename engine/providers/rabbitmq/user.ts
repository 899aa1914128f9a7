/**
 * rabbitmq:index/user:User (PUT /api/users/{name}, tags comma-joined as rabbit-hole sends them),
 * rabbitmq:index/permissions:Permissions (PUT /api/permissions/{vhost}/{user}) and
 * rabbitmq:index/topicPermissions:TopicPermissions (PUT /api/topic-permissions/{vhost}/{user}).
 */
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { Inputs, optList, reqObject, reqString, stringList } from "../inputs";
import { deleteAt, endpointOf, management, seg } from "./http";

async function createUser({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
  const where = `rabbitmq.User ${resource.name}`;
  const name = reqString(inputs, "name", where);
  await management(endpointOf(providerInputs, where), "PUT", `/api/users/${seg(name)}`, {
    password: reqString(inputs, "password", where),
    tags: stringList(inputs, "tags", where).join(","),
  });
  return { id: name, state: { ...inputs } };
}

async function createPermissions({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
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

async function createTopicPermissions({ resource, inputs, providerInputs }: HandlerInput): Promise<AppliedState> {
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

const stateOf = async (created: Promise<AppliedState>): Promise<Record<string, unknown>> => (await created).state;

/** UpdateUser and UpdatePermissions put the whole object again, as create does. */
export const userProvider: ResourceProvider = {
  create: createUser,
  update: (input) => stateOf(createUser(input)),
  delete: (old: ResourceState, provider) => deleteAt(provider, old, `/api/users/${seg(old.id)}`),
};

export const permissionsProvider: ResourceProvider = {
  create: createPermissions,
  update: (input) => stateOf(createPermissions(input)),
  delete: (old: ResourceState, provider) =>
    deleteAt(provider, old, `/api/permissions/${seg(String(old.outputs["vhost"]))}/${seg(String(old.inputs["user"]))}`),
};

export const topicPermissionsProvider: ResourceProvider = {
  create: createTopicPermissions,
  update: (input) => stateOf(createTopicPermissions(input)),
  delete: (old: ResourceState, provider) =>
    deleteAt(provider, old, `/api/topic-permissions/${seg(String(old.outputs["vhost"]))}/${seg(String(old.inputs["user"]))}`),
};
