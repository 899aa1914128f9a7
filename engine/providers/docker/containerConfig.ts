/**
 * docker.Container inputs -> the Docker API's ContainerCreate body, the way
 * terraform-provider-docker's resourceDockerContainerCreate builds it. Pure, so it can be
 * tested without an engine. Inputs the applier cannot honour make it fail by name, rather than
 * deploying something other than what was declared.
 */
import {
  Inputs,
  InputError,
  optBool,
  optList,
  optNumber,
  optObject,
  optString,
  reqString,
  stringList,
} from "../inputs";
import type Docker from "dockerode";
import { goDurationNs } from "./duration";
import { hostConfigOf } from "./hostConfig";

/** Inputs handled here, in hostConfig.ts, or by the create sequence (networks, uploads, wait). */
const HANDLED = new Set([
  "name", "image", "hostname", "domainname", "envs", "command", "entrypoints", "user", "workingDir",
  "labels", "healthcheck", "ports", "stopSignal", "stopTimeout", "tty", "stdinOpen",
  "restart", "maxRetryCount", "capabilities", "hosts", "mounts", "volumes", "privileged", "publishAllPorts",
  "rm", "readOnly", "logDriver", "logOpts", "tmpfs", "sysctls", "init", "dns", "dnsOpts", "dnsSearches",
  "memory", "memorySwap", "cpus", "shmSize", "cpuShares", "cpuSet", "securityOpts", "groupAdds", "networkMode",
  "pidMode", "ipcMode", "usernsMode", "ulimits",
  // The create sequence (container.ts):
  "networksAdvanced", "uploads", "wait", "waitTimeout", "start", "mustRun", "destroyGraceSeconds",
  "containerReadRefreshTimeoutMilliseconds", "removeVolumes",
]);

export interface ContainerCreateRequest {
  readonly name: string;
  readonly body: Record<string, unknown>;
}

export function containerCreateRequest(
  inputs: Inputs,
  where: string,
  testLabels: Readonly<Record<string, string>>,
): ContainerCreateRequest {
  const unknown = Object.keys(inputs).filter((key) => !HANDLED.has(key) && inputs[key] !== undefined);
  if (unknown.length > 0) throw new InputError(`${where}: the e2e applier does not implement container inputs: ${unknown.join(", ")}`);
  const ports = portsOf(inputs, where);
  const body: Record<string, unknown> = {
    Image: reqString(inputs, "image", where),
    Hostname: optString(inputs, "hostname", where) ?? "",
    Domainname: optString(inputs, "domainname", where) ?? "",
    Env: stringList(inputs, "envs", where),
    Labels: { ...labelsOf(inputs, where), ...testLabels },
    Tty: optBool(inputs, "tty", where) ?? false,
    OpenStdin: optBool(inputs, "stdinOpen", where) ?? false,
    ExposedPorts: ports.exposed,
    HostConfig: hostConfigOf(inputs, where, ports.bindings),
  };
  const command = stringList(inputs, "command", where);
  if (command.length > 0) body["Cmd"] = command;
  const entrypoint = stringList(inputs, "entrypoints", where);
  if (entrypoint.length > 0) body["Entrypoint"] = entrypoint;
  const user = optString(inputs, "user", where);
  if (user) body["User"] = user;
  const workingDir = optString(inputs, "workingDir", where);
  if (workingDir) body["WorkingDir"] = workingDir;
  const stopSignal = optString(inputs, "stopSignal", where);
  if (stopSignal) body["StopSignal"] = stopSignal;
  const stopTimeout = optNumber(inputs, "stopTimeout", where);
  if (stopTimeout !== undefined) body["StopTimeout"] = stopTimeout;
  const healthcheck = healthcheckOf(inputs, where);
  if (healthcheck) body["Healthcheck"] = healthcheck;
  return { name: reqString(inputs, "name", where), body };
}

/** `labels: [{label, value}]`, a set in the provider's schema. */
export function labelsOf(inputs: Inputs, where: string): Record<string, string> {
  const entries = optList(inputs, "labels", where).map((raw, i) => {
    const entry = raw as Inputs;
    return [reqString(entry, "label", `${where} labels[${i}]`), String(entry["value"] ?? "")] as const;
  });
  return Object.fromEntries(entries);
}

function healthcheckOf(inputs: Inputs, where: string): Record<string, unknown> | undefined {
  const raw = optObject(inputs, "healthcheck", where);
  if (!raw) return undefined;
  const at = `${where} healthcheck`;
  const duration = (key: string): number => goDurationNs(optString(raw, key, at) ?? "0s");
  return {
    Test: stringList(raw, "tests", at),
    Interval: duration("interval"),
    Timeout: duration("timeout"),
    StartPeriod: duration("startPeriod"),
    StartInterval: duration("startInterval"),
    Retries: optNumber(raw, "retries", at) ?? 0,
  };
}

interface Ports {
  readonly exposed: Record<string, Record<string, never>>;
  readonly bindings: Record<string, { HostIp: string; HostPort: string }[]>;
}

/** `ports: [{internal, external, ip, protocol}]` -> ExposedPorts and PortBindings. */
function portsOf(inputs: Inputs, where: string): Ports {
  const exposed: Ports["exposed"] = {};
  const bindings: Ports["bindings"] = {};
  optList(inputs, "ports", where).forEach((raw, i) => {
    const port = raw as Inputs;
    const at = `${where} ports[${i}]`;
    const internal = optNumber(port, "internal", at);
    if (internal === undefined) throw new InputError(`${at}: input "internal" is required`);
    const key = `${internal}/${optString(port, "protocol", at) ?? "tcp"}`;
    exposed[key] = {};
    const external = optNumber(port, "external", at);
    const binding = { HostIp: optString(port, "ip", at) ?? "0.0.0.0", HostPort: external === undefined ? "" : String(external) };
    (bindings[key] ??= []).push(binding);
  });
  return { exposed, bindings };
}

/**
 * The Docker Go client the provider uses refuses, before calling the engine, what the engine's
 * API version cannot take (docker/docker client/container_create.go: a healthcheck start interval
 * needs API 1.44, i.e. Docker 25; `NewVersionError` words the message). An older engine would
 * silently ignore the field, so the stand-in refuses it the same way.
 */
export async function assertApiSupports(docker: Docker, request: ContainerCreateRequest, where: string): Promise<void> {
  const healthcheck = request.body["Healthcheck"] as { StartInterval?: number } | undefined;
  if (!healthcheck?.StartInterval) return;
  const version = String((await docker.version()).ApiVersion);
  if (compareVersions(version, "1.44") < 0) {
    throw new InputError(`${where}: "specify health-check start interval" requires API version 1.44, but the Docker daemon API version is ${version}`);
  }
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}
