/**
 * How to read back each declared rabbitmq object from the broker and what it must look like:
 * the request the provider would have sent, recomputed from the declared inputs with the
 * applier's own conversions (so arguments, definitions and tags are compared as sent).
 */
import { Inputs, stringList, stringMap } from "../../../engine/providers/inputs";
import { argumentsOf } from "../../../engine/providers/rabbitmq/queue";
import { policyDefinition } from "../../../engine/providers/rabbitmq/policy";
import { ManagementEndpoint, management, seg } from "../../../engine/providers/rabbitmq/http";
import { difference } from "./equal";

type Reader = (api: ManagementEndpoint, inputs: Inputs) => Promise<string[]>;

const get = async (api: ManagementEndpoint, path: string): Promise<Record<string, unknown>> =>
  (await management(api, "GET", path)).body as Record<string, unknown>;

const vhostOf = (inputs: Inputs): string => String(inputs["vhost"] ?? "/");
const settingsOf = (inputs: Inputs): Inputs => (inputs["settings"] ?? {}) as Inputs;
const diffs = (...lines: string[]): string[] => lines.filter((line) => line !== "");

const policyReader =
  (collection: string): Reader =>
  async (api, inputs) => {
    const live = await get(api, `/api/${collection}/${seg(vhostOf(inputs))}/${seg(String(inputs["name"]))}`);
    const policy = inputs["policy"] as Inputs;
    return diffs(
      difference("pattern", live["pattern"], policy["pattern"]),
      difference("priority", live["priority"], policy["priority"]),
      difference("apply-to", live["apply-to"], policy["applyTo"]),
      difference("definition", live["definition"], policyDefinition(stringMap(policy, "definition", "policy"))),
    );
  };

export const BROKER_READERS: Readonly<Record<string, Reader>> = {
  "rabbitmq:index/vHost:VHost": async (api, inputs) => {
    await get(api, `/api/vhosts/${seg(String(inputs["name"]))}`);
    return [];
  },
  "rabbitmq:index/exchange:Exchange": async (api, inputs) => {
    const live = await get(api, `/api/exchanges/${seg(vhostOf(inputs))}/${seg(String(inputs["name"]))}`);
    const settings = settingsOf(inputs);
    return diffs(
      difference("type", live["type"], settings["type"]),
      difference("durable", live["durable"], settings["durable"] ?? false),
      difference("auto_delete", live["auto_delete"], settings["autoDelete"] ?? false),
      difference("arguments", live["arguments"], stringMap(settings, "arguments", "exchange")),
    );
  },
  "rabbitmq:index/queue:Queue": async (api, inputs) => {
    const live = await get(api, `/api/queues/${seg(vhostOf(inputs))}/${seg(String(inputs["name"]))}`);
    const settings = settingsOf(inputs);
    return diffs(
      difference("durable", live["durable"], settings["durable"] ?? false),
      difference("auto_delete", live["auto_delete"], settings["autoDelete"] ?? false),
      difference("arguments", live["arguments"], argumentsOf(settings, "queue")),
    );
  },
  "rabbitmq:index/binding:Binding": async (api, inputs) => {
    const kind = inputs["destinationType"] === "exchange" ? "e" : "q";
    const path = `/api/bindings/${seg(vhostOf(inputs))}/e/${seg(String(inputs["source"]))}/${kind}/${seg(String(inputs["destination"]))}`;
    const live = (await management(api, "GET", path)).body as Record<string, unknown>[];
    const wanted = { routing_key: inputs["routingKey"] ?? "", arguments: argumentsOf(inputs, "binding") };
    const found = live.some((b) => difference("", { routing_key: b["routing_key"], arguments: b["arguments"] }, wanted) === "");
    return found ? [] : [difference("binding", live.map((b) => b["routing_key"]), wanted)];
  },
  "rabbitmq:index/policy:Policy": policyReader("policies"),
  "rabbitmq:index/operatorPolicy:OperatorPolicy": policyReader("operator-policies"),
  "rabbitmq:index/user:User": async (api, inputs) => {
    const live = await get(api, `/api/users/${seg(String(inputs["name"]))}`);
    // 3.x answers tags as "a,b", 4.x as ["a","b"].
    const tags = Array.isArray(live["tags"]) ? live["tags"] : String(live["tags"] ?? "").split(",").filter(Boolean);
    return diffs(difference("tags", [...tags].sort(), stringList(inputs, "tags", "user").sort()));
  },
  "rabbitmq:index/permissions:Permissions": async (api, inputs) => {
    const live = await get(api, `/api/permissions/${seg(vhostOf(inputs))}/${seg(String(inputs["user"]))}`);
    const declared = inputs["permissions"] as Inputs;
    return diffs(
      difference("configure", live["configure"], declared["configure"]),
      difference("write", live["write"], declared["write"]),
      difference("read", live["read"], declared["read"]),
    );
  },
  "rabbitmq:index/topicPermissions:TopicPermissions": async (api, inputs) => {
    await get(api, `/api/topic-permissions/${seg(vhostOf(inputs))}/${seg(String(inputs["user"]))}`);
    return [];
  },
};
