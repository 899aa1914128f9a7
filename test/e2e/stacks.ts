/**
 * The e2e stacks are the shipped stacks, so that what users run is what is tested: e2e-modern
 * runs Pulumi.modern.yaml, e2e-seed runs Pulumi.dev.yaml, each with the few overrides below and
 * nothing else. `Pulumi.e2e-<layout>.yaml` is written from them at the start of every run
 * (git-ignored, never edited by hand), so the engine, the model loader, `npm run verify` and the
 * update scenarios read the e2e stack as a user's tools read any stack.
 *
 * What cannot be the same, and why (applied in `e2eStackConfig`, nowhere else):
 * - the RabbitMQ and HAProxy images: the official images are stood in for by the same series
 *   built from Debian's packages (test/e2e/images, `npm run images`); where Debian builds no
 *   package of the shipped series, the version goes with the image (the loader refuses an image
 *   whose tag names another series than `version`);
 * - the network: its own name and subnet, every address keeping its host number, so the suite
 *   never meets a user's deployment of the same file on this engine (Docker refuses a second
 *   network of the same name or with an overlapping subnet);
 * - the topology files: the shipped systems plus the suite's own (load queues, a quick retry);
 * - protectQueues off: the suite must be able to destroy what it deployed;
 * - retainNodeData off: a node the suite removes (and its teardown) leaves no volume behind;
 * - for a multi-host stack (e2e-hosts), each host's Docker endpoint: the engine of a network
 *   namespace of the suite's own (test/e2e/hosts/namespaces.ts), its address moved like the rest;
 *   and the load-balancer image prebuilt (loadBalancers.image): a namespace engine has no route
 *   to Debian's mirror, so it is given the image `npm run images` built from the same context.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { contains, formatIpv4, parseCidr, parseIpv4, type Subnet } from "../../model/net/ipv4";
import { dockerUrlOf } from "./hosts/namespaces";

export interface E2eStack {
  /** The shipped stack it runs: Pulumi.<base>.yaml. */
  readonly base: string;
  /** The Debian-built stand-in for the official RabbitMQ image. */
  readonly image: string;
  /** Only where Debian builds no package of the base's series: the stand-in's series. */
  readonly version?: string;
  readonly haproxyImage: string;
  /**
   * A prebuilt load-balancer image (loadBalancers.image, in place of haproxyImage): the suite's
   * own build of templates/loadbalancer on haproxyImage (`npm run images`), loaded into each
   * namespace engine, which cannot reach Debian's mirror to build it.
   */
  readonly loadBalancerImage?: string;
  readonly network: { readonly name: string; readonly subnet: string };
  /** Appended to the base's topology files. */
  readonly topologyFiles: readonly string[];
  /**
   * Several Docker hosts: each host of the base goes to the engine of a network namespace of
   * the same name (test/e2e/hosts/namespaces.ts), on the suite's own LAN (`network.subnet`).
   */
  readonly namespaceHosts?: true;
}

export const E2E_STACKS: Readonly<Record<string, E2eStack>> = {
  // Same series as the shipped file: Debian forky builds RabbitMQ 4.3.
  "e2e-modern": {
    base: "modern",
    image: "rabbitmq-ha-test/rabbitmq:4.3-management",
    haproxyImage: "rabbitmq-ha-test/haproxy:2.6",
    network: { name: "rabbitmq-ha-e2e-modern", subnet: "172.29.62.0/24" },
    topologyFiles: ["test/e2e/config/e2e.yaml"],
  },
  // The seed's layout ships as 3.13 (the last series with classic mirroring); Debian builds no
  // 3.13, only 3.10 (bookworm), so the suite runs the shipped file on 3.10. Nothing in the file
  // is 3.13-only (the loader would refuse it on 3.10); what 3.11-3.13 change is untested.
  "e2e-seed": {
    base: "dev",
    image: "rabbitmq-ha-test/rabbitmq:3.10-management",
    version: "3.10",
    haproxyImage: "rabbitmq-ha-test/haproxy:2.6",
    network: { name: "rabbitmq-ha-e2e-seed", subnet: "172.29.61.0/24" },
    topologyFiles: ["test/e2e/config/e2e.yaml", "test/e2e/config/e2e-mirrored-3x.yaml"],
  },
  // The seed's production plan (Pulumi.production.yaml) on three namespace "machines" on a LAN
  // of the suite's own: every address keeps its host number (.40, .45, .150, VIP .220).
  "e2e-hosts": {
    base: "production",
    image: "rabbitmq-ha-test/rabbitmq:3.10-management",
    version: "3.10",
    haproxyImage: "rabbitmq-ha-test/haproxy:2.6",
    loadBalancerImage: "rabbitmq-ha-test/loadbalancer:dev",
    network: { name: "rabbitmq-ha-e2e-hosts", subnet: "10.213.8.0/24" },
    topologyFiles: ["test/e2e/config/e2e.yaml", "test/e2e/config/e2e-mirrored-3x.yaml"],
    namespaceHosts: true,
  },
};

type Config = Record<string, unknown>;
type Section = Record<string, unknown>;

export function e2eStack(stack: string): E2eStack {
  const found = E2E_STACKS[stack];
  if (!found) throw new Error(`"${stack}" is not an e2e stack (allowed: ${Object.keys(E2E_STACKS).join(", ")})`);
  return found;
}

function section(config: Config, key: string, file: string): Section {
  const value = config[`rabbitmq-ha:${key}`];
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${file} has no rabbitmq-ha:${key} object`);
  return value as Section;
}

function subnetOf(text: unknown, where: string): Subnet {
  const subnet = typeof text === "string" ? parseCidr(text) : undefined;
  if (!subnet) throw new Error(`${where}: ${JSON.stringify(text)} is not an IPv4 CIDR`);
  return subnet;
}

/** Every address on `from` moved to the same host number on `to`, anywhere in `value`. */
function moveAddresses(value: unknown, from: Subnet, to: Subnet): unknown {
  if (Array.isArray(value)) return value.map((v) => moveAddresses(v, from, to));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moveAddresses(v, from, to)]));
  }
  const address = typeof value === "string" ? parseIpv4(value) : undefined;
  return address !== undefined && contains(from, address) ? formatIpv4(to.network + (address - from.network)) : value;
}

/** The e2e stack's `config:` block: the shipped base's, with the overrides of E2E_STACKS. */
export function e2eStackConfig(projectDir: string, stack: string): Config {
  const e2e = e2eStack(stack);
  const file = `Pulumi.${e2e.base}.yaml`;
  const where = path.join(projectDir, file);
  if (!fs.existsSync(where)) throw new Error(`e2e stack ${stack} runs the shipped ${file}, which is not in ${projectDir}`);
  const base = ((YAML.parse(fs.readFileSync(where, "utf8")) as { config?: Config } | null)?.config ?? {}) as Config;
  const from = subnetOf(section(base, "network", file)["subnet"], `${file} rabbitmq-ha:network.subnet`);
  const to = subnetOf(e2e.network.subnet, `E2E_STACKS["${stack}"].network.subnet`);
  if (from.prefix !== to.prefix) throw new Error(`e2e stack ${stack}: subnet /${to.prefix} cannot take ${file}'s /${from.prefix} addresses`);
  const config = moveAddresses(base, from, to) as Config;
  const cluster = section(config, "cluster", file);
  const loadBalancers = section(config, "loadBalancers", file);
  const topology = section(config, "topology", file);
  const hosts = e2e.namespaceHosts ? { "rabbitmq-ha:hosts": namespaceHosts(config, file) } : {};
  return {
    ...config,
    ...hosts,
    "rabbitmq-ha:network": { ...section(config, "network", file), ...e2e.network },
    "rabbitmq-ha:cluster": { ...cluster, image: e2e.image, ...(e2e.version ? { version: e2e.version } : {}), retainNodeData: false },
    "rabbitmq-ha:loadBalancers": loadBalancerImages(loadBalancers, e2e),
    "rabbitmq-ha:topology": { ...topology, files: [...((topology["files"] ?? []) as unknown[]), ...e2e.topologyFiles], protectQueues: false },
  };
}

/** The stand-in HAProxy base, or the prebuilt load-balancer image in its place (the two exclude each other). */
function loadBalancerImages(loadBalancers: Section, e2e: E2eStack): Section {
  const { haproxyImage: _base, image: _prebuilt, ...rest } = loadBalancers;
  return e2e.loadBalancerImage ? { ...rest, image: e2e.loadBalancerImage } : { ...rest, haproxyImage: e2e.haproxyImage };
}

/** The base's hosts, each at the socket of the namespace engine named after it. */
function namespaceHosts(config: Config, file: string): unknown[] {
  const hosts = config["rabbitmq-ha:hosts"];
  if (!Array.isArray(hosts)) throw new Error(`${file} has no rabbitmq-ha:hosts list (a multi-host e2e stack needs one)`);
  return hosts.map((host: Section) => ({ ...host, url: dockerUrlOf(String(host["name"])) }));
}

/** Writes Pulumi.<stack>.yaml for an e2e stack; every run starts with it. */
export function writeE2eStackFile(projectDir: string, stack: string): void {
  const { base } = e2eStack(stack);
  const header = [
    "# Written by test/e2e/stacks.ts at the start of every e2e run: do not edit (it is overwritten).",
    `# The shipped Pulumi.${base}.yaml with only the test overrides of E2E_STACKS["${stack}"].`,
    "# yaml-language-server: $schema=./schema/stack-config.schema.json",
  ].join("\n");
  fs.writeFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), `${header}\n${YAML.stringify({ config: e2eStackConfig(projectDir, stack) })}`);
}
