/**
 * docker:index/network:Network: NetworkCreate with the declared driver, options and IPAM
 * subnets (fixed container addresses need an ipamConfigs subnet); resource_docker_network_funcs.go.
 */
import type Docker from "dockerode";
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import type { ResourceState } from "../../types";
import { Inputs, optBool, optList, optString, reqString, stringMap } from "../inputs";
import { dockerClient, dockerHostOf } from "./client";
import { labelsOf } from "./containerConfig";

async function create({ resource, inputs, providerInputs, testLabels }: HandlerInput): Promise<AppliedState> {
  const where = `docker.Network ${resource.name}`;
  const docker = dockerClient(dockerHostOf(providerInputs));
  const name = reqString(inputs, "name", where);
  const network = await docker.createNetwork({
    Name: name,
    CheckDuplicate: true,
    Driver: optString(inputs, "driver", where) ?? "bridge",
    Internal: optBool(inputs, "internal", where) ?? false,
    Attachable: optBool(inputs, "attachable", where) ?? false,
    Ingress: optBool(inputs, "ingress", where) ?? false,
    Options: stringMap(inputs, "options", where),
    Labels: { ...labelsOf(inputs, where), ...testLabels },
    IPAM: {
      Driver: optString(inputs, "ipamDriver", where) ?? "default",
      Options: stringMap(inputs, "ipamOptions", where),
      Config: optList(inputs, "ipamConfigs", where).map((raw, i) => ipamConfigOf(raw as Inputs, `${where} ipamConfigs[${i}]`)),
    },
  });
  const info = (await network.inspect()) as { Id: string; Scope: string; Driver: string };
  return { id: info.Id, state: { ...inputs, name, driver: info.Driver, scope: info.Scope } };
}

/** resourceDockerNetworkDelete (funcs 205-225): NetworkRemove, retried for 30 s while endpoints are still attached. */
async function remove(old: ResourceState, providerInputs: Record<string, unknown> | undefined): Promise<void> {
  await removeNetwork(dockerClient(dockerHostOf(providerInputs)).getNetwork(old.id));
}

export async function removeNetwork(network: Docker.Network, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await network.remove();
      return;
    } catch (error) {
      const e = error as { statusCode?: number; message?: string };
      if (e.statusCode === 404) return;
      if (!/active endpoints/.test(e.message ?? "") || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export function ignoreGone(error: { statusCode?: number }): void {
  if (error.statusCode !== 404) throw error;
}

export const networkProvider: ResourceProvider = { create, delete: remove };

function ipamConfigOf(config: Inputs, where: string): Record<string, unknown> {
  const result: Record<string, unknown> = { Subnet: optString(config, "subnet", where) };
  const gateway = optString(config, "gateway", where);
  if (gateway) result["Gateway"] = gateway;
  const ipRange = optString(config, "ipRange", where);
  if (ipRange) result["IPRange"] = ipRange;
  const aux = stringMap(config, "auxAddress", where);
  if (Object.keys(aux).length > 0) result["AuxiliaryAddresses"] = aux;
  return result;
}
