/**
 * docker:index/remoteImage:RemoteImage and docker:index/image:Image.
 *
 * RemoteImage without `build` resolves an image that must already be on the engine (the
 * provider would pull a missing one; nothing can be pulled here). With `build` it builds the
 * context and tags it `name`. Image builds `imageName` and would push unless `skipPush`.
 */
import { join, relative } from "node:path";
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { ignoreGone } from "./network";
import { optObject, optString, reqObject, reqString, stringList, stringMap } from "../inputs";
import { dockerClient, dockerHostOf } from "./client";
import { findLocalImage } from "./localImage";
import { buildImage } from "./build";

async function createRemoteImage({ resource, inputs, providerInputs, testLabels }: HandlerInput): Promise<AppliedState> {
  const where = `docker.RemoteImage ${resource.name}`;
  const docker = dockerClient(dockerHostOf(providerInputs));
  const name = reqString(inputs, "name", where);
  const build = optObject(inputs, "build", where);
  if (build) {
    const at = `${where} build`;
    await buildImage(
      docker,
      {
        context: reqString(build, "context", at),
        dockerfile: optString(build, "dockerfile", at) ?? "Dockerfile",
        tags: [name, ...stringList(build, "tags", at)],
        buildArgs: stringMap(build, "buildArgs", at),
        // The provider builds with buildx unless useLegacyBuilder (resource_docker_image_funcs.go
        // 58-101, docker_buildx_build.go 416-457); buildx reads `label` and ignores `labels`
        // (docker_buildx_build.go 295-301), the legacy builder the reverse. This engine has no
        // buildx, so the classic API builds, with the labels the provider's path would send.
        labels: { ...stringMap(build, build["useLegacyBuilder"] === true ? "labels" : "label", at), ...testLabels },
        target: optString(build, "target", at),
      },
      where,
    );
  }
  const image = await findLocalImage(docker, name, where);
  return { id: `${image.id}${name}`, state: { ...inputs, imageId: image.id, repoDigest: image.repoDigest } };
}

async function createImage({ resource, inputs, providerInputs, testLabels }: HandlerInput): Promise<AppliedState> {
  const where = `docker.Image ${resource.name}`;
  if (inputs["skipPush"] !== true) {
    throw new Error(`${where}: skipPush is not set, so the provider would push the image to a registry`);
  }
  const docker = dockerClient(dockerHostOf(providerInputs));
  const imageName = reqString(inputs, "imageName", where);
  const build = reqObject(inputs, "build", where);
  const at = `${where} build`;
  const context = optString(build, "context", at) ?? ".";
  const id = await buildImage(
    docker,
    {
      context,
      // This provider resolves the Dockerfile against the working directory, the engine against the context.
      dockerfile: relative(context, optString(build, "dockerfile", at) ?? join(context, "Dockerfile")),
      tags: [imageName],
      buildArgs: stringMap(build, "args", at),
      labels: testLabels,
      target: optString(build, "target", at),
    },
    where,
  );
  return { id, state: { ...inputs, imageName, baseImageName: imageName, repoDigest: "", digest: id } };
}

/** resourceDockerRemoteImageDelete: the image is removed unless `keepLocally`. */
async function removeRemoteImage(old: ResourceState, providerInputs: Record<string, unknown> | undefined): Promise<void> {
  if (old.inputs["keepLocally"] === true) return;
  await dockerClient(dockerHostOf(providerInputs)).getImage(String(old.inputs["name"])).remove({ force: old.inputs["forceRemove"] === true }).catch(ignoreGone);
}

/** keepLocally and forceRemove only steer the delete: an update stores them. */
async function updateRemoteImage({ inputs }: HandlerInput, old: ResourceState): Promise<Record<string, unknown>> {
  return { ...old.outputs, ...inputs, imageId: old.outputs["imageId"], repoDigest: old.outputs["repoDigest"] };
}

export const remoteImageProvider: ResourceProvider = { create: createRemoteImage, update: updateRemoteImage, delete: removeRemoteImage };
/** docker.Image builds and (with skipPush) keeps the image; its delete leaves the image. */
export const imageProvider: ResourceProvider = { create: createImage, delete: async () => undefined };
