/**
 * Every rendered haproxy.cfg and keepalived.conf of every shipped stack (Pulumi.*.yaml), loaded
 * through the real loader, judged by the real binaries.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { listStacks, loadStackOrThrow } from "../../model/load";
import { KEEPALIVED_CONF_PATH, HAPROXY_CFG_PATH } from "../../render/loadBalancerFiles";
import { PEERS_CONF_PATH } from "../../render/clusterPeers";
import { renderStackFiles } from "../../render/stackFiles";
import { HAPROXY, haproxyRejects, keepalivedRejects, keepalivedUnavailable, missing } from "./realBinaries";

const projectDir = path.resolve(__dirname, "..", "..");
const stacks = listStacks(projectDir);

const filesAt = (wanted: string) =>
  stacks.flatMap((stack) =>
    renderStackFiles(loadStackOrThrow(projectDir, stack))
      .filter((f) => f.path === wanted)
      .map((f) => [`${stack} ${f.container}`, f.text] as const),
  );

describe("shipped stacks", () => {
  it("are at least one (else the checks below would pass on nothing)", () => {
    expect(stacks.length).toBeGreaterThan(0);
  });

  it("render a haproxy.cfg and a keepalived.conf per load balancer, a rabbitmq.conf per node", () => {
    for (const stack of stacks) {
      const model = loadStackOrThrow(projectDir, stack);
      const files = renderStackFiles(model);
      expect(files.filter((f) => f.path === HAPROXY_CFG_PATH).map((f) => f.container)).toEqual(model.loadBalancers.instances.map((i) => i.name));
      expect(files.filter((f) => f.path === KEEPALIVED_CONF_PATH).map((f) => f.container)).toEqual(model.loadBalancers.instances.map((i) => i.name));
      expect(files.filter((f) => f.path.endsWith("50-rabbitmq-ha.conf")).map((f) => f.container)).toEqual(model.cluster.nodes.map((n) => n.hostname));
    }
  });
});

describe("every shipped stack's peer lists", () => {
  const classicConfigNodes = (text: string) => text.split("\n").filter((line) => line.startsWith("cluster_formation.classic_config.nodes."));

  it.each(stacks)("%s: list the same classic_config nodes on every node, the seed first", (stack) => {
    const model = loadStackOrThrow(projectDir, stack);
    const lists = renderStackFiles(model)
      .filter((f) => f.path === PEERS_CONF_PATH)
      .map((f) => classicConfigNodes(f.text));
    expect(lists).toHaveLength(model.cluster.nodes.length);
    const seed = model.cluster.nodes.find((n) => n.type === "disc")!;
    const others = model.cluster.nodes.filter((n) => n !== seed);
    const expected = [seed, ...others].map((n, i) => `cluster_formation.classic_config.nodes.${i + 1} = rabbit@${n.hostname}`);
    for (const list of lists) expect(list).toEqual(expected);
  });
});

describe.skipIf(missing(HAPROXY))("haproxy -c accepts every shipped haproxy.cfg", () => {
  it.each(filesAt(HAPROXY_CFG_PATH))("%s", (_, text) => {
    expect(haproxyRejects(text)).toBeUndefined();
  });
});

describe.skipIf(keepalivedUnavailable())("keepalived -t accepts every shipped keepalived.conf", () => {
  it.each(filesAt(KEEPALIVED_CONF_PATH))("%s", (_, text) => {
    expect(keepalivedRejects(text)).toBeUndefined();
  });
});
