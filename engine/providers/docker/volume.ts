/** docker:index/volume:Volume: VolumeCreate with the declared driver and labels. */
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { ignoreGone } from "./network";
import { optString, reqString, stringMap } from "../inputs";
import { dockerClient, dockerHostOf } from "./client";
import { labelsOf } from "./containerConfig";

async function create({ resource, inputs, providerInputs, testLabels }: HandlerInput): Promise<AppliedState> {
  const where = `docker.Volume ${resource.name}`;
  const docker = dockerClient(dockerHostOf(providerInputs));
  const name = reqString(inputs, "name", where);
  const volume = (await docker.createVolume({
    Name: name,
    Driver: optString(inputs, "driver", where) ?? "local",
    DriverOpts: stringMap(inputs, "driverOpts", where),
    Labels: { ...labelsOf(inputs, where), ...testLabels },
  })) as { Name?: string; Mountpoint?: string };
  return { id: name, state: { ...inputs, name, mountpoint: volume.Mountpoint ?? "" } };
}

/** resourceDockerVolumeDelete: VolumeRemove (refused while a container uses it). */
async function remove(old: ResourceState, providerInputs: Record<string, unknown> | undefined): Promise<void> {
  await dockerClient(dockerHostOf(providerInputs)).getVolume(old.id).remove().catch(ignoreGone);
}

export const volumeProvider: ResourceProvider = { create, delete: remove };
