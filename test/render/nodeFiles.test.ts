import { describe, expect, it } from "vitest";
import { contentOf } from "../../render/containerFile";
import { PEERS_CONF_PATH } from "../../render/clusterPeers";
import { ADMIN_CONF_PATH, ENABLED_PLUGINS_PATH, ERLANG_COOKIE_PATH, RABBITMQ_CONF_PATH, nodeFiles } from "../../render/nodeFiles";
import { loadBalancerFiles } from "../../render/loadBalancerFiles";
import { seedCluster, seedPair } from "./fixtures";

const node = seedCluster.nodes[0]!;
const secrets = { erlangCookie: "COOKIE", adminPassword: "PASSWORD" };

describe("nodeFiles", () => {
  const files = nodeFiles(seedCluster, node, "dev");

  it("places cookie, config, admin, plugins and the peer list, with the official image's rabbitmq ids", () => {
    expect(files.map((f) => [f.path, f.owner, f.group, f.permissions, f.content.kind])).toEqual([
      [ERLANG_COOKIE_PATH, "999", "999", "0400", "secret"],
      [RABBITMQ_CONF_PATH, "999", "999", "0644", "plain"],
      [ADMIN_CONF_PATH, "999", "999", "0400", "secret"],
      [ENABLED_PLUGINS_PATH, "999", "999", "0644", "plain"],
      [PEERS_CONF_PATH, "999", "999", "0644", "plain"],
    ]);
  });

  it("sorts its conf.d files after the image's 10-defaults.conf and 20-... files", () => {
    const names = files.filter((f) => f.path.startsWith("/etc/rabbitmq/conf.d/")).map((f) => f.path.split("/").pop()!);
    expect([...names, "10-defaults.conf", "20-management_agent.disable_metrics_collector.conf"].sort().slice(-names.length)).toEqual(names);
  });

  it("puts secrets only into the secret files", () => {
    for (const f of files) {
      const text = contentOf(f, secrets);
      expect(f.content.kind === "secret").toBe(text.includes("COOKIE") || text.includes("PASSWORD"));
    }
  });

  it.each([
    ["", "empty"],
    ["x".repeat(256), "too long"],
    ["a\nb", "two lines"],
  ])("refuses an Erlang cookie that is %#: %s", (cookie) => {
    expect(() => contentOf(files[0]!, { ...secrets, erlangCookie: cookie })).toThrow("erlangCookie cannot be used (allowed: 1-255 characters on one line)");
  });
});

describe("loadBalancerFiles", () => {
  it("gives haproxy.cfg (secret, readable by HAProxy's group only) and keepalived.conf", () => {
    expect(loadBalancerFiles(seedPair, seedPair.instances[0]!, seedCluster, "dev").map((f) => [f.path, f.owner, f.group, f.permissions, f.content.kind])).toEqual([
      ["/usr/local/etc/haproxy/haproxy.cfg", "0", "99", "0640", "secret"],
      ["/etc/keepalived/keepalived.conf", "0", "0", "0644", "plain"],
    ]);
  });
});
