/**
 * What a preview answers for a resource it would create or replace: the inputs, with the
 * outputs only the provider can compute left unknown, so that everything derived from them is
 * unknown too and dependents diff as `pulumi preview` shows them (an unknown ForceNew input
 * means "replace").
 */
import * as pulumi from "@pulumi/pulumi";

const COMPUTED_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  "docker:index/remoteImage:RemoteImage": ["imageId", "repoDigest"],
  "docker:index/image:Image": ["repoDigest", "digest"],
  "docker:index/container:Container": ["networkData", "exitCode"],
  "random:index/randomPassword:RandomPassword": ["result", "bcryptHash"],
  "random:index/randomString:RandomString": ["result"],
  "random:index/randomId:RandomId": ["hex", "b64Url", "b64Std", "dec"],
  "random:index/randomUuid:RandomUuid": ["result"],
  "rabbitmq:index/binding:Binding": ["propertiesKey"],
};

export const UNKNOWN = pulumi.runtime.unknownValue;

export function previewOutputs(type: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const unknowns = Object.fromEntries((COMPUTED_OUTPUTS[type] ?? []).map((key) => [key, UNKNOWN]));
  return { ...inputs, ...unknowns };
}
