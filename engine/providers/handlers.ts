/**
 * One provider per resource type token. A custom resource whose type is not here makes the run
 * fail naming the type: nothing the program declares is silently skipped.
 */
import type { ResourceProvider } from "./types";
import { containerProvider } from "./docker/container";
import { networkProvider } from "./docker/network";
import { imageProvider, remoteImageProvider } from "./docker/image";
import { volumeProvider } from "./docker/volume";
import { vhostProvider } from "./rabbitmq/vhost";
import { exchangeProvider } from "./rabbitmq/exchange";
import { queueProvider } from "./rabbitmq/queue";
import { bindingProvider } from "./rabbitmq/binding";
import { operatorPolicyProvider, policyProviderOf } from "./rabbitmq/policy";
import { permissionsProvider, topicPermissionsProvider, userProvider } from "./rabbitmq/user";
import { randomIdProvider, randomTextProvider, randomUuidProvider } from "./random/random";
import { dynamicProvider, isDynamicType } from "./dynamic";
import { certRequestProvider, locallySignedCertProvider, privateKeyProvider, selfSignedCertProvider } from "./tls/tls";

/** Providers create nothing; their inputs configure the resources bound to them. */
const explicitProvider: ResourceProvider = {
  create: async ({ resource, inputs }) => ({ id: `${resource.urn.split("::").at(-1)}-provider`, state: inputs }),
  update: async ({ inputs }) => inputs,
  delete: async () => undefined,
};

export const PROVIDERS: Readonly<Record<string, ResourceProvider>> = {
  "pulumi:providers:docker": explicitProvider,
  "pulumi:providers:rabbitmq": explicitProvider,
  "pulumi:providers:random": explicitProvider,
  "pulumi:providers:tls": explicitProvider,
  "docker:index/container:Container": containerProvider,
  "docker:index/network:Network": networkProvider,
  "docker:index/remoteImage:RemoteImage": remoteImageProvider,
  "docker:index/image:Image": imageProvider,
  "docker:index/volume:Volume": volumeProvider,
  "rabbitmq:index/vHost:VHost": vhostProvider,
  "rabbitmq:index/exchange:Exchange": exchangeProvider,
  "rabbitmq:index/queue:Queue": queueProvider,
  "rabbitmq:index/binding:Binding": bindingProvider,
  "rabbitmq:index/policy:Policy": policyProviderOf,
  "rabbitmq:index/operatorPolicy:OperatorPolicy": operatorPolicyProvider,
  "rabbitmq:index/user:User": userProvider,
  "rabbitmq:index/permissions:Permissions": permissionsProvider,
  "rabbitmq:index/topicPermissions:TopicPermissions": topicPermissionsProvider,
  "random:index/randomPassword:RandomPassword": randomTextProvider,
  "random:index/randomString:RandomString": randomTextProvider,
  "random:index/randomId:RandomId": randomIdProvider,
  "random:index/randomUuid:RandomUuid": randomUuidProvider,
  "tls:index/privateKey:PrivateKey": privateKeyProvider,
  "tls:index/selfSignedCert:SelfSignedCert": selfSignedCertProvider,
  "tls:index/certRequest:CertRequest": certRequestProvider,
  "tls:index/locallySignedCert:LocallySignedCert": locallySignedCertProvider,
};

/** The provider of a type token; dynamic resources share one, keyed by their `kind` input. */
export function providerFor(type: string): ResourceProvider {
  const provider = isDynamicType(type) ? dynamicProvider : PROVIDERS[type];
  if (!provider) throw new Error(`the offline engine has no provider for resource type ${type}`);
  return provider;
}
