/**
 * docker.Container inputs -> ContainerCreate's HostConfig, as terraform-provider-docker sets it
 * (restart "no" and init false unless declared; json-file logging by default).
 */
import { Inputs, InputError, optBool, optList, optNumber, optObject, optString, stringList, stringMap } from "../inputs";

const MIB = 1024 * 1024;

export function hostConfigOf(
  inputs: Inputs,
  where: string,
  portBindings: Record<string, { HostIp: string; HostPort: string }[]>,
): Record<string, unknown> {
  const capabilities = optObject(inputs, "capabilities", where) ?? {};
  const config: Record<string, unknown> = {
    Privileged: optBool(inputs, "privileged", where) ?? false,
    PublishAllPorts: optBool(inputs, "publishAllPorts", where) ?? false,
    RestartPolicy: {
      Name: optString(inputs, "restart", where) ?? "no",
      MaximumRetryCount: optNumber(inputs, "maxRetryCount", where) ?? 0,
    },
    AutoRemove: optBool(inputs, "rm", where) ?? false,
    ReadonlyRootfs: optBool(inputs, "readOnly", where) ?? false,
    LogConfig: { Type: optString(inputs, "logDriver", where) ?? "json-file", Config: stringMap(inputs, "logOpts", where) },
    Init: optBool(inputs, "init", where) ?? false,
    PortBindings: portBindings,
    ExtraHosts: optList(inputs, "hosts", where).map((raw) => {
      const entry = raw as Inputs;
      return `${String(entry["host"])}:${String(entry["ip"])}`;
    }),
    CapAdd: normalisedCapabilities(stringList(capabilities, "adds", `${where} capabilities`)),
    CapDrop: normalisedCapabilities(stringList(capabilities, "drops", `${where} capabilities`)),
    Mounts: optList(inputs, "mounts", where).map((raw, i) => mountOf(raw as Inputs, `${where} mounts[${i}]`)),
    Sysctls: stringMap(inputs, "sysctls", where),
    Tmpfs: stringMap(inputs, "tmpfs", where),
    Dns: stringList(inputs, "dns", where),
    DnsOptions: stringList(inputs, "dnsOpts", where),
    DnsSearch: stringList(inputs, "dnsSearches", where),
    SecurityOpt: stringList(inputs, "securityOpts", where),
    GroupAdd: stringList(inputs, "groupAdds", where),
    Ulimits: optList(inputs, "ulimits", where).map((raw) => {
      const u = raw as Inputs;
      return { Name: u["name"], Soft: u["soft"], Hard: u["hard"] };
    }),
    ...volumesOf(inputs, where),
  };
  const optional: [string, string, (v: unknown) => unknown][] = [
    ["networkMode", "NetworkMode", (v) => v],
    ["pidMode", "PidMode", (v) => v],
    ["ipcMode", "IpcMode", (v) => v],
    ["usernsMode", "UsernsMode", (v) => v],
    ["cpuSet", "CpusetCpus", (v) => v],
    ["cpuShares", "CpuShares", (v) => v],
    ["memory", "Memory", (v) => Number(v) * MIB],
    ["memorySwap", "MemorySwap", (v) => (Number(v) > 0 ? Number(v) * MIB : v)],
    ["shmSize", "ShmSize", (v) => Number(v) * MIB],
    // terraform-provider-docker: `cpus` is parsed with opts.NanoCPUs.Set (docker/cli's --cpus), i.e. CPUs x 1e9.
    ["cpus", "NanoCpus", (v) => nanoCpus(v)],
  ];
  for (const [input, field, convert] of optional) {
    if (inputs[input] !== undefined && inputs[input] !== null && inputs[input] !== "") config[field] = convert(inputs[input]);
  }
  return config;
}

/** docker/cli opts.NanoCPUs.Set: a decimal number of CPUs, times 1e9, rounded to an integer. */
export function nanoCpus(value: unknown): number {
  const cpus = Number(value);
  if (!Number.isFinite(cpus) || cpus <= 0) throw new InputError(`cpus: "${String(value)}" is not a positive number of CPUs`);
  return Math.round(cpus * 1e9);
}

function mountOf(mount: Inputs, where: string): Record<string, unknown> {
  const result: Record<string, unknown> = {
    Type: optString(mount, "type", where),
    Target: optString(mount, "target", where),
    Source: optString(mount, "source", where) ?? "",
    ReadOnly: optBool(mount, "readOnly", where) ?? false,
  };
  const tmpfs = optObject(mount, "tmpfsOptions", where);
  if (tmpfs) result["TmpfsOptions"] = { SizeBytes: tmpfs["sizeBytes"], Mode: tmpfs["mode"] };
  const volume = optObject(mount, "volumeOptions", where);
  if (volume) result["VolumeOptions"] = { NoCopy: volume["noCopy"] ?? false };
  return result;
}

/** `volumes: [{volumeName | hostPath | fromContainer, containerPath, readOnly}]`. */
function volumesOf(inputs: Inputs, where: string): Record<string, unknown> {
  const binds: string[] = [];
  const volumesFrom: string[] = [];
  optList(inputs, "volumes", where).forEach((raw, i) => {
    const volume = raw as Inputs;
    const at = `${where} volumes[${i}]`;
    const from = optString(volume, "fromContainer", at);
    if (from) {
      volumesFrom.push(from);
      return;
    }
    const source = optString(volume, "hostPath", at) ?? optString(volume, "volumeName", at);
    const target = optString(volume, "containerPath", at);
    if (!source || !target) throw new InputError(`${at}: anonymous volumes are not implemented by the e2e applier`);
    binds.push(`${source}:${target}${optBool(volume, "readOnly", at) ? ":ro" : ""}`);
  });
  return { Binds: binds, VolumesFrom: volumesFrom };
}

/**
 * The Docker Go client rewrites capabilities before it sends them (moby v28.5.2
 * client/container_create.go 72-73, 139-170): upper case, `CAP_` prefix (except ALL), no
 * duplicates, sorted. The daemon stores and inspect returns that form.
 */
export function normalisedCapabilities(caps: readonly string[]): string[] {
  const normal = caps.map((c) => c.toUpperCase()).map((c) => (c === "ALL" || c.startsWith("CAP_") ? c : `CAP_${c}`));
  return [...new Set(normal)].sort();
}
