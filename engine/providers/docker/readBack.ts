/**
 * A container's outputs as terraform-provider-docker (v4.5.0; @pulumi/docker 5.2.0 bridges a
 * later upstream whose source is not in reach: owner/group on uploads are new there)
 * resourceDockerContainerRead stores them after create (resource_docker_container_funcs.go
 * 780-990): values come from the engine's inspect, not from the inputs, so whatever the Docker
 * client or the daemon normalised is what the next diff sees: capabilities as `CAP_NET_ADMIN`,
 * healthcheck durations in Go's time.Duration format (`120s` -> `2m0s`), with zero fields filled
 * from the image's HEALTHCHECK by the daemon. Read never sets envs, labels, volumes, uploads or
 * networks_advanced (funcs 788-796, 882, 893-898, 959): those keep their declared values.
 */
import type Docker from "dockerode";
import { goDurationString } from "./duration";

export function containerReadBack(
  info: Docker.ContainerInspectInfo,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const host = info.HostConfig;
  const config = info.Config as Docker.ContainerInspectInfo["Config"] & { Healthcheck?: DockerHealthcheck; StopTimeout?: number };
  const declaredImage = String(inputs["image"] ?? "");
  const outputs: Record<string, unknown> = {
    ...inputs,
    name: info.Name.replace(/^\//, ""),
    image: declaredImage.startsWith("sha256:") ? info.Image : config.Image,
    hostname: config.Hostname,
    command: config.Cmd ?? [],
    entrypoints: config.Entrypoint ?? [],
    // funcs 815-824: a container found stopped reads back must_run=false, so the next run starts it.
    mustRun: info.State.Running ? (inputs["mustRun"] ?? true) : false,
    restart: host.RestartPolicy?.Name ?? "no",
    hosts: (host.ExtraHosts ?? []).map((entry: string) => {
      const colon = entry.lastIndexOf(":");
      return { host: entry.slice(0, colon), ip: entry.slice(colon + 1) };
    }),
    networkData: Object.entries(info.NetworkSettings.Networks ?? {}).map(([networkName, s]) => ({
      networkName,
      ipAddress: s.IPAddress,
      ipPrefixLength: s.IPPrefixLen,
      gateway: s.Gateway,
      macAddress: s.MacAddress,
    })),
    exitCode: info.State.Running ? null : info.State.ExitCode,
  };
  const adds = host.CapAdd ?? [];
  const drops = host.CapDrop ?? [];
  if (adds.length > 0 || drops.length > 0) outputs["capabilities"] = { adds, drops };
  if (config.Healthcheck?.Test) outputs["healthcheck"] = healthcheckReadBack(config.Healthcheck);
  outputs["stopTimeout"] = config.StopTimeout ?? null;
  Object.assign(outputs, limitsReadBack(host, inputs));
  return outputs;
}

/**
 * Memory and CPU limits as the daemon holds them (funcs: memory = HostConfig.Memory / MiB), in
 * the declared form, so an unchanged limit plans nothing and a limit changed behind the
 * program's back (`docker update`) shows as a diff. A container created without a limit has
 * 0 there: nothing declared, nothing read back. How upstream reads `cpus` back was not read
 * here: NanoCpus / 1e9, written as the program declares it, is the faithful value; a changed
 * `cpus` plans a replacement (not in plan/changeTable.ts's update list: the conservative reading).
 */
function limitsReadBack(host: Docker.ContainerInspectInfo["HostConfig"], inputs: Record<string, unknown>): Record<string, unknown> {
  const limits: Record<string, unknown> = {};
  const memory = host.Memory ?? 0;
  if (memory > 0 || inputs["memory"] !== undefined) limits["memory"] = memory / MIB;
  const nano = (host as { NanoCpus?: number }).NanoCpus ?? 0;
  if (nano > 0 || inputs["cpus"] !== undefined) limits["cpus"] = String(nano / 1e9);
  return limits;
}

const MIB = 1024 * 1024;

interface DockerHealthcheck {
  readonly Test?: string[];
  readonly Interval?: number;
  readonly Timeout?: number;
  readonly StartPeriod?: number;
  readonly StartInterval?: number;
  readonly Retries?: number;
}

function healthcheckReadBack(h: DockerHealthcheck): Record<string, unknown> {
  return {
    tests: h.Test ?? [],
    interval: goDurationString(h.Interval ?? 0),
    timeout: goDurationString(h.Timeout ?? 0),
    startPeriod: goDurationString(h.StartPeriod ?? 0),
    startInterval: goDurationString(h.StartInterval ?? 0),
    retries: h.Retries ?? 0,
  };
}
