/**
 * The e2e stacks are the shipped stacks with only the overrides test/e2e/stacks.ts names. The
 * derivation is tested on the frozen example project (test/cli/fixtures/example), so editing the
 * real stack files never breaks these tests; the shipped files are checked to be runnable by the
 * suite as they are, whatever systems they list.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic, loadModel } from "../../model/load";
import { exampleProject, REPO, removeFixtureProjects } from "../cli/lib/fixtureProject";
import { E2E_STACKS, e2eStackConfig, writeE2eStackFile } from "./stacks";

afterAll(removeFixtureProjects);

const stackConfig = (dir: string, stack: string): Record<string, unknown> =>
  (YAML.parse(fs.readFileSync(path.join(dir, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> }).config;

/** Every leaf path whose value differs, with both values. */
function differences(a: unknown, b: unknown, at = ""): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  if (!isObject(a) || !isObject(b)) return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${at}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((key) => differences(a[key], b[key], at === "" ? key : `${at}.${key}`));
}

describe("e2e stacks from the shipped ones", () => {
  it("e2e-modern is modern with only the images, the network, the suite's topology file, protectQueues and retainNodeData changed", () => {
    const dir = exampleProject();
    expect(differences(stackConfig(dir, "modern"), e2eStackConfig(dir, "e2e-modern"))).toEqual([
      'rabbitmq-ha:network.name: "rabbitmq-ha-modern" -> "rabbitmq-ha-e2e-modern"',
      'rabbitmq-ha:network.subnet: "172.28.9.0/24" -> "172.29.62.0/24"',
      'rabbitmq-ha:cluster.image: "rabbitmq:4.1-management" -> "rabbitmq-ha-test/rabbitmq:4.3-management"',
      'rabbitmq-ha:cluster.nodes.0.address: "172.28.9.11" -> "172.29.62.11"',
      'rabbitmq-ha:cluster.nodes.1.address: "172.28.9.12" -> "172.29.62.12"',
      'rabbitmq-ha:cluster.nodes.2.address: "172.28.9.13" -> "172.29.62.13"',
      "rabbitmq-ha:cluster.retainNodeData: undefined -> false",
      'rabbitmq-ha:loadBalancers.haproxyImage: "haproxy:3.0" -> "rabbitmq-ha-test/haproxy:2.6"',
      'rabbitmq-ha:loadBalancers.virtualIp: "172.28.9.220" -> "172.29.62.220"',
      'rabbitmq-ha:loadBalancers.instances.0.address: "172.28.9.21" -> "172.29.62.21"',
      'rabbitmq-ha:loadBalancers.instances.1.address: "172.28.9.22" -> "172.29.62.22"',
      'rabbitmq-ha:topology.files.3: undefined -> "test/e2e/config/e2e.yaml"',
      "rabbitmq-ha:topology.protectQueues: true -> false",
    ]);
  });

  it("e2e-seed is dev on the 3.10 stand-in: the version goes with the image", () => {
    const dir = exampleProject();
    const changed = differences(stackConfig(dir, "dev"), e2eStackConfig(dir, "e2e-seed"));
    expect(changed.filter((line) => line.startsWith("rabbitmq-ha:cluster.") && !line.includes(".address:"))).toEqual([
      'rabbitmq-ha:cluster.version: "3.13" -> "3.10"',
      'rabbitmq-ha:cluster.image: "rabbitmq:3.13-management" -> "rabbitmq-ha-test/rabbitmq:3.10-management"',
      "rabbitmq-ha:cluster.retainNodeData: undefined -> false",
    ]);
    expect(changed.filter((line) => line.startsWith("rabbitmq-ha:topology."))).toEqual([
      'rabbitmq-ha:topology.files.4: undefined -> "test/e2e/config/e2e.yaml"',
      'rabbitmq-ha:topology.files.5: undefined -> "test/e2e/config/e2e-mirrored-3x.yaml"',
    ]);
  });

  it("writes Pulumi.<e2e stack>.yaml, marked as generated, holding exactly the derived config", () => {
    const dir = exampleProject();
    writeE2eStackFile(dir, "e2e-modern");
    const text = fs.readFileSync(path.join(dir, "Pulumi.e2e-modern.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# Written by test/e2e/stacks.ts at the start of every e2e run: do not edit (it is overwritten).");
    expect(stackConfig(dir, "e2e-modern")).toEqual(e2eStackConfig(dir, "e2e-modern"));
  });

  it("names the missing shipped file, and refuses a stack that is not an e2e stack", () => {
    const dir = exampleProject();
    fs.rmSync(path.join(dir, "Pulumi.modern.yaml"));
    expect(() => e2eStackConfig(dir, "e2e-modern")).toThrow(`e2e stack e2e-modern runs the shipped Pulumi.modern.yaml, which is not in ${dir}`);
    expect(() => e2eStackConfig(dir, "modern")).toThrow('"modern" is not an e2e stack (allowed: e2e-modern, e2e-seed, e2e-hosts)');
  });
});

describe("e2e-hosts", () => {
  it("is the production plan on the namespace engines, every address on the suite's own LAN with its host number", () => {
    const config = e2eStackConfig(REPO, "e2e-hosts");
    const hosts = config["rabbitmq-ha:hosts"] as { name: string; url: string; address: string; interface: string }[];
    expect(hosts.map((h) => [h.name, h.url, h.address, h.interface])).toEqual([
      ["mq-ram1", "unix:///tmp/rabbitmq-ha-e2e-hosts/mq-ram1/docker.sock", "10.213.8.40", "eth0"],
      ["mq-ram2", "unix:///tmp/rabbitmq-ha-e2e-hosts/mq-ram2/docker.sock", "10.213.8.45", "eth0"],
      ["mq-disc1", "unix:///tmp/rabbitmq-ha-e2e-hosts/mq-disc1/docker.sock", "10.213.8.150", "eth0"],
    ]);
    const lbs = config["rabbitmq-ha:loadBalancers"] as { virtualIp: string; image?: string; haproxyImage?: string };
    expect(lbs.virtualIp).toBe("10.213.8.220");
    // The namespace engines cannot build (no route to Debian's mirror): the suite's own build, prebuilt.
    expect([lbs.image, lbs.haproxyImage]).toEqual(["rabbitmq-ha-test/loadbalancer:dev", undefined]);
    expect(JSON.stringify(config)).not.toContain("192.168.8.");
  });
});

// The shipped files themselves, whatever systems and stacks a user adds: each e2e stack's base,
// where it exists, must be runnable by the suite as it is (with only the overrides).
const runnable = Object.entries(E2E_STACKS).filter(([, e2e]) => fs.existsSync(path.join(REPO, `Pulumi.${e2e.base}.yaml`)));

describe.runIf(runnable.length > 0)("the shipped stacks the suite runs", () => {
  it.each(runnable.map(([stack, e2e]) => [stack, e2e.base]))("%s (Pulumi.%s.yaml with the overrides) validates with no error", (stack) => {
    const config = Object.fromEntries(Object.entries(e2eStackConfig(REPO, stack)).map(([key, value]) => [key.replace(/^rabbitmq-ha:/, ""), value]));
    const result = loadModel({ project: "rabbitmq-ha", stack, projectDir: REPO, config, stackFile: `Pulumi.${stack}.yaml` });
    expect(result.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic)).toEqual([]);
  });
});
