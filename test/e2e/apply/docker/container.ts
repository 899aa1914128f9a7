/**
 * docker:index/container:Container, in the provider's create order: find the image locally,
 * ContainerCreate, leave the default bridge and join each `networksAdvanced` network with its
 * fixed address, upload files, start, check it runs, and with `wait` poll until healthy.
 */
import type Docker from "dockerode";
import { AppliedState, HandlerInput } from "../types";
import { Inputs, optBool, optList, optNumber, optString, reqString, stringList } from "../inputs";
import { dockerClient, dockerHostOf } from "./client";
import { containerCreateRequest } from "./containerConfig";
import { findLocalImage } from "./localImage";
import { uploadAll } from "./uploads";
import { assertRunning, waitHealthy } from "./health";

const DEFAULT_WAIT_TIMEOUT_SECONDS = 60;

export async function applyContainer({ resource, inputs, providerInputs, testLabels }: HandlerInput): Promise<AppliedState> {
  const where = `docker.Container ${resource.name}`;
  const docker = dockerClient(dockerHostOf(providerInputs));
  const request = containerCreateRequest(inputs, where, testLabels);
  await findLocalImage(docker, reqString(inputs, "image", where), where);
  const container = await docker.createContainer({ name: request.name, ...request.body });
  await joinNetworks(docker, container, optList(inputs, "networksAdvanced", where), where);
  await uploadAll(container, optList(inputs, "uploads", where), where);
  if (optBool(inputs, "start", where) ?? true) {
    await container.start();
    if (optBool(inputs, "mustRun", where) ?? true) await assertRunning(container, where);
    if (optBool(inputs, "wait", where) ?? false) {
      await waitHealthy(container, optNumber(inputs, "waitTimeout", where) ?? DEFAULT_WAIT_TIMEOUT_SECONDS, where);
    }
  }
  return { id: container.id, state: await stateOf(container, inputs) };
}

async function joinNetworks(docker: Docker, container: Docker.Container, networks: readonly unknown[], where: string): Promise<void> {
  if (networks.length === 0) return;
  try {
    await docker.getNetwork("bridge").disconnect({ Container: container.id, Force: false });
  } catch (error) {
    if (!String((error as Error).message).includes("is not connected to the network")) throw error;
  }
  for (const [i, raw] of networks.entries()) {
    const network = raw as Inputs;
    const at = `${where} networksAdvanced[${i}]`;
    const ipv4 = optString(network, "ipv4Address", at);
    const ipv6 = optString(network, "ipv6Address", at);
    await docker.getNetwork(reqString(network, "name", at)).connect({
      Container: container.id,
      EndpointConfig: {
        Aliases: stringList(network, "aliases", at),
        IPAMConfig: { ...(ipv4 ? { IPv4Address: ipv4 } : {}), ...(ipv6 ? { IPv6Address: ipv6 } : {}) },
      },
    });
  }
}

/** Output properties the way the provider reads them back after create. */
async function stateOf(container: Docker.Container, inputs: Inputs): Promise<Record<string, unknown>> {
  const info = await container.inspect();
  const networkData = Object.entries(info.NetworkSettings.Networks ?? {}).map(([networkName, settings]) => ({
    networkName,
    ipAddress: settings.IPAddress,
    ipPrefixLength: settings.IPPrefixLen,
    gateway: settings.Gateway,
    macAddress: settings.MacAddress,
  }));
  return {
    ...inputs,
    name: info.Name.replace(/^\//, ""),
    image: info.Image,
    hostname: info.Config.Hostname,
    networkData,
    exitCode: info.State.Running ? null : info.State.ExitCode,
  };
}
