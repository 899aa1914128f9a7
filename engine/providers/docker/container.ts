/**
 * docker:index/container:Container, as terraform-provider-docker's
 * resource_docker_container_funcs.go does it.
 * Create: find the image locally, ContainerCreate, leave the default bridge and join each
 * `networksAdvanced` network with its fixed address, upload files, start, check it runs, with
 * `wait` poll until healthy, then read back. Update: ContainerUpdate for the restart policy
 * and resources (the only in-place fields); state-only fields need no call. Delete: stop with
 * `destroyGraceSeconds` when set (else the forced remove kills at once), then remove.
 */
import type Docker from "dockerode";
import type { ResourceState } from "../../types";
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import { Inputs, optBool, optList, optNumber, optString, reqString, stringList } from "../inputs";
import { dockerClient, dockerHostOf } from "./client";
import { assertApiSupports, containerCreateRequest } from "./containerConfig";
import { findLocalImage } from "./localImage";
import { uploadAll } from "./uploads";
import { assertRunning, waitHealthy } from "./health";
import { containerReadBack } from "./readBack";

const DEFAULT_WAIT_TIMEOUT_SECONDS = 60;
const MIB = 1024 * 1024;

async function create({ resource, inputs, providerInputs, testLabels }: HandlerInput): Promise<AppliedState> {
  const where = `docker.Container ${resource.name}`;
  const docker = dockerClient(dockerHostOf(providerInputs));
  const request = containerCreateRequest(inputs, where, testLabels);
  await assertApiSupports(docker, request, where);
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
  return { id: container.id, state: containerReadBack(await container.inspect(), inputs) };
}

async function update({ resource, inputs, providerInputs, testLabels }: HandlerInput, old: ResourceState): Promise<Record<string, unknown>> {
  const where = `docker.Container ${resource.name}`;
  const container = dockerClient(dockerHostOf(providerInputs)).getContainer(old.id);
  const memory = optNumber(inputs, "memory", where);
  await container.update({
    RestartPolicy: { Name: optString(inputs, "restart", where) ?? "no", MaximumRetryCount: optNumber(inputs, "maxRetryCount", where) ?? 0 },
    // The memory limit changes in place. The swap limit moves with it, to what the daemon gives a
    // new container (twice the memory): else raising the memory above the old swap limit is refused.
    ...(memory !== undefined && memory > 0 ? { Memory: memory * MIB, MemorySwap: 2 * memory * MIB } : {}),
  });
  return containerReadBack(await container.inspect(), inputs);
}

async function remove(old: ResourceState, providerInputs: Record<string, unknown> | undefined): Promise<void> {
  const container = dockerClient(dockerHostOf(providerInputs)).getContainer(old.id);
  const grace = old.inputs["destroyGraceSeconds"];
  try {
    if (typeof grace === "number" && grace > 0) await container.stop({ t: grace }).catch(ignoreNotRunning);
    await container.remove({ force: true, v: old.inputs["removeVolumes"] !== false });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

function ignoreNotRunning(error: { statusCode?: number }): void {
  if (error.statusCode !== 304 && error.statusCode !== 404) throw error;
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

export const containerProvider: ResourceProvider = { create, update, delete: remove };
