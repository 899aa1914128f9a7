/** docker:index/volume:Volume: VolumeCreate with the declared driver and labels. */
import { AppliedState, HandlerInput } from "../types";
import { optString, reqString, stringMap } from "../inputs";
import { dockerClient, dockerHostOf } from "./client";
import { labelsOf } from "./containerConfig";

export async function applyVolume({ resource, inputs, providerInputs, testLabels }: HandlerInput): Promise<AppliedState> {
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
