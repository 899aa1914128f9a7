/**
 * One handler per resource type token. A custom resource whose type is not here makes the run
 * fail naming the type: nothing the program declares is silently skipped.
 */
import { Handler } from "./types";
import { applyContainer } from "./docker/container";
import { applyNetwork } from "./docker/network";
import { applyImage, applyRemoteImage } from "./docker/image";
import { applyVolume } from "./docker/volume";
import { applyVhost } from "./rabbitmq/vhost";
import { applyExchange } from "./rabbitmq/exchange";
import { applyQueue } from "./rabbitmq/queue";
import { applyBinding } from "./rabbitmq/binding";
import { applyOperatorPolicy, applyPolicy } from "./rabbitmq/policy";
import { applyPermissions, applyTopicPermissions, applyUser } from "./rabbitmq/user";
import { applyRandomId, applyRandomText, applyRandomUuid } from "./random/random";
import { applyDynamic, isDynamicType } from "./dynamic";

/** Providers create nothing; their inputs configure the resources bound to them. */
const provider: Handler = async ({ inputs }) => ({ id: `provider-${Math.random().toString(36).slice(2)}`, state: inputs });

export const HANDLERS: Readonly<Record<string, Handler>> = {
  "pulumi:providers:docker": provider,
  "pulumi:providers:rabbitmq": provider,
  "pulumi:providers:random": provider,
  "docker:index/container:Container": applyContainer,
  "docker:index/network:Network": applyNetwork,
  "docker:index/remoteImage:RemoteImage": applyRemoteImage,
  "docker:index/image:Image": applyImage,
  "docker:index/volume:Volume": applyVolume,
  "rabbitmq:index/vHost:VHost": applyVhost,
  "rabbitmq:index/exchange:Exchange": applyExchange,
  "rabbitmq:index/queue:Queue": applyQueue,
  "rabbitmq:index/binding:Binding": applyBinding,
  "rabbitmq:index/policy:Policy": applyPolicy,
  "rabbitmq:index/operatorPolicy:OperatorPolicy": applyOperatorPolicy,
  "rabbitmq:index/user:User": applyUser,
  "rabbitmq:index/permissions:Permissions": applyPermissions,
  "rabbitmq:index/topicPermissions:TopicPermissions": applyTopicPermissions,
  "random:index/randomPassword:RandomPassword": applyRandomText,
  "random:index/randomString:RandomString": applyRandomText,
  "random:index/randomId:RandomId": applyRandomId,
  "random:index/randomUuid:RandomUuid": applyRandomUuid,
};

/** The handler for a type token; dynamic resources share one, keyed by their `kind` input. */
export function handlerFor(type: string): Handler | undefined {
  return isDynamicType(type) ? applyDynamic : HANDLERS[type];
}
