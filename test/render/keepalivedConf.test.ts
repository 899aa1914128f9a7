import { describe, expect, it } from "vitest";
import type { LoadBalancerPairSpec } from "../../model/types";
import { renderKeepalivedConf } from "../../render/keepalivedConf";
import { seedPair } from "./fixtures";
import { keepalivedRejects, keepalivedUnavailable } from "./realBinaries";

const [lb1, lb2] = seedPair.instances;
const pair = (overrides: Partial<LoadBalancerPairSpec>): LoadBalancerPairSpec => ({ ...seedPair, ...overrides });

/** Directive lines (first word and the rest), comments and braces dropped. */
function directives(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#") && l !== "}");
}

describe("renderKeepalivedConf", () => {
  it("renders the seed's MASTER (snapshot)", () => {
    expect(renderKeepalivedConf(seedPair, lb1!)).toMatchSnapshot();
  });

  it("without preemption starts both as BACKUP with nopreempt, so priority picks the first MASTER", () => {
    const first = directives(renderKeepalivedConf(seedPair, lb1!));
    const second = directives(renderKeepalivedConf(seedPair, lb2!));
    for (const d of [first, second]) {
      expect(d).toContain("state BACKUP");
      expect(d).toContain("nopreempt");
    }
    expect(first).toContain("priority 150");
    expect(second).toContain("priority 100");
  });

  it("with preemption keeps the stack's states and never writes nopreempt", () => {
    const d = directives(renderKeepalivedConf(pair({ preempt: true }), lb1!));
    expect(d).toContain("state MASTER");
    expect(d).not.toContain("nopreempt");
  });

  it.each([
    ["lb1", lb1!, "172.28.8.22"],
    ["lb2", lb2!, "172.28.8.21"],
  ])("without preemption %s climbs to 254 while its peer %s is silent, so a thawed stale holder yields", (_, instance, peer) => {
    const text = renderKeepalivedConf(seedPair, instance);
    const script = text.slice(text.indexOf("vrrp_script peer_silent {"), text.indexOf("}", text.indexOf("vrrp_script peer_silent {")) + 1);
    expect(directives(script)).toEqual([
      "vrrp_script peer_silent {",
      `script "/etc/keepalived/peer_silent.sh 8404 ${peer}"`,
      "interval 1",
      "timeout 2",
      "rise 1",
      "fall 2",
      "weight 253",
      "init_fail",
    ]);
    expect(text).toMatch(/track_script \{\n\s+haproxy_amqp\n\s+peer_silent\n\s+\}/);
    expect(instance.priority + 253).toBeGreaterThanOrEqual(254);
  });

  it("with preemption tracks no peer (the higher priority takes the VIP back anyway)", () => {
    expect(renderKeepalivedConf(pair({ preempt: true }), lb1!)).not.toContain("peer_silent");
  });

  it.each([
    [false, 254, "load balancer lb1 priority 254 with preempt false: a stalled holder at 254 would tie with the instance that replaced it (allowed: 1-253)"],
    [false, 253, undefined],
    [true, 254, undefined],
  ])("preempt %s, priority %d -> %s", (preempt, priority, error) => {
    const render = () => renderKeepalivedConf(pair({ preempt }), { ...lb1!, priority });
    if (error) expect(render).toThrow(error);
    else expect(render).not.toThrow();
  });

  it("talks unicast to its peer from its own address and holds the VIP on eth0", () => {
    const text = renderKeepalivedConf(seedPair, lb2!);
    expect(directives(text)).toEqual(expect.arrayContaining(["unicast_src_ip 172.28.8.22", "172.28.8.21", "172.28.8.220/32 dev eth0", "interface eth0"]));
    expect(text).toMatch(/unicast_peer \{\n\s+172\.28\.8\.21\n\s+\}/);
  });

  it("tracks HAProxy with the image's script as an unprivileged user", () => {
    const d = directives(renderKeepalivedConf(seedPair, lb1!));
    expect(d).toEqual(expect.arrayContaining(["enable_script_security", "script_user keepalived_script", 'script "/etc/keepalived/check_haproxy.sh 5672"', "haproxy_amqp"]));
  });

  it("checks the AMQPS port when TLS closed the plain listener", () => {
    expect(directives(renderKeepalivedConf(seedPair, lb1!, 5671))).toContain('script "/etc/keepalived/check_haproxy.sh 5671"');
  });

  it.each([
    [3, 200, "advert_int 0.2"],
    [3, 1000, "advert_int 1"],
    [2, 2000, "advert_int 2"],
  ] as const)("VRRPv%d with %d ms adverts -> %s", (vrrpVersion, advertIntervalMs, line) => {
    const d = directives(renderKeepalivedConf(pair({ vrrpVersion, advertIntervalMs }), lb1!));
    expect(d).toContain(line);
    expect(d).toContain(`vrrp_version ${vrrpVersion}`);
  });

  it("refuses sub-second adverts on VRRPv2", () => {
    expect(() => renderKeepalivedConf(pair({ vrrpVersion: 2, advertIntervalMs: 200 }), lb1!)).toThrow(
      "advertInterval 200 ms needs VRRP version 3 (allowed with version 2: whole seconds, at least 1 s)",
    );
  });

  it("refuses an instance without a peer", () => {
    expect(() => renderKeepalivedConf(pair({ instances: [lb1!] }), lb1!)).toThrow("load balancer lb1 has no VRRP peer (allowed: a pair of instances)");
  });
});

describe.skipIf(keepalivedUnavailable())("keepalived accepts the rendered file", () => {
  it.each([
    ["MASTER, no preemption", seedPair, lb1!],
    ["BACKUP, no preemption", seedPair, lb2!],
    ["MASTER, preemption", pair({ preempt: true }), lb1!],
    ["BACKUP, preemption", pair({ preempt: true }), lb2!],
    ["VRRPv2, 2 s adverts", pair({ vrrpVersion: 2, advertIntervalMs: 2000 }), lb2!],
    ["VRRPv3, 200 ms adverts", pair({ advertIntervalMs: 200 }), lb1!],
  ])("%s", (_, p, instance) => {
    expect(keepalivedRejects(renderKeepalivedConf(p, instance))).toBeUndefined();
  });

  it("and the check itself rejects a broken file (so acceptance means something)", () => {
    const broken = renderKeepalivedConf(seedPair, lb1!).replace("    nopreempt\n", "    nopreemptx\n");
    expect(keepalivedRejects(broken)).toMatch(/^exit 5: .*Unknown keyword 'nopreemptx'/);
  });
});
