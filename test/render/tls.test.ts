import { describe, expect, it } from "vitest";
import { contentOf } from "../../render/containerFile";
import { nodeFiles } from "../../render/nodeFiles";
import { loadBalancerFiles, HAPROXY_CFG_PATH } from "../../render/loadBalancerFiles";
import { renderRabbitmqConf } from "../../render/rabbitmqConf";
import { renderHaproxyCfg } from "../../render/haproxyCfg";
import { HAPROXY_CA_PATH, NODE_CA_PATH, NODE_CERT_PATH, NODE_KEY_PATH, TLS_OFF, type TlsSpec } from "../../model/tls/spec";
import { HAPROXY, haproxyRejects, missing } from "./realBinaries";
import { seedCluster, seedPair } from "./fixtures";

const TLS_ON: TlsSpec = { ...TLS_OFF, enabled: true };
const TLS_ONLY: TlsSpec = { ...TLS_ON, plainListeners: false };
const node = seedCluster.nodes[0]!;
const material = { privateKey: "KEY-PEM", certificate: "CERT-PEM", ca: "CA-PEM" };
const confLines = (tls: TlsSpec) => renderRabbitmqConf(seedCluster, node, "dev", tls).split("\n").filter((l) => /^(listeners|ssl_options|management\.(ssl|tcp))/.test(l));

describe("rabbitmq.conf with rabbitmq-ha:tls", () => {
  it("adds nothing while TLS is off", () => {
    expect(confLines(TLS_OFF)).toEqual(["listeners.tcp.default = 5672", "management.tcp.port = 15672"]);
  });

  it("opens AMQPS 5671 and HTTPS 15671 beside the plain listeners, with the uploaded files", () => {
    expect(confLines(TLS_ON)).toEqual([
      "listeners.tcp.default = 5672",
      "management.tcp.port = 15672",
      "listeners.ssl.default = 5671",
      `ssl_options.cacertfile = ${NODE_CA_PATH}`,
      `ssl_options.certfile = ${NODE_CERT_PATH}`,
      `ssl_options.keyfile = ${NODE_KEY_PATH}`,
      "ssl_options.verify = verify_none",
      "ssl_options.fail_if_no_peer_cert = false",
      "ssl_options.versions.1 = tlsv1.3",
      "ssl_options.versions.2 = tlsv1.2",
      "management.ssl.port = 15671",
      `management.ssl.cacertfile = ${NODE_CA_PATH}`,
      `management.ssl.certfile = ${NODE_CERT_PATH}`,
      `management.ssl.keyfile = ${NODE_KEY_PATH}`,
      "management.ssl.versions.1 = tlsv1.3",
      "management.ssl.versions.2 = tlsv1.2",
    ]);
  });

  it("closes the plain listeners with plainListeners: false", () => {
    const lines = confLines(TLS_ONLY);
    expect(lines[0]).toBe("listeners.tcp = none");
    expect(lines.some((l) => l.startsWith("management.tcp"))).toBe(false);
  });
});

describe("node files with rabbitmq-ha:tls", () => {
  it("uploads CA and certificate readable, the key 0400 to the rabbitmq user only, all secret-kind, after the peer list", () => {
    const files = nodeFiles(seedCluster, node, "dev", TLS_ON);
    expect(files.slice(-3).map((f) => [f.path, f.owner, f.group, f.permissions, f.content.kind])).toEqual([
      [NODE_CA_PATH, "999", "999", "0444", "secret"],
      [NODE_CERT_PATH, "999", "999", "0444", "secret"],
      [NODE_KEY_PATH, "999", "999", "0400", "secret"],
    ]);
    const secrets = { erlangCookie: "C", adminPassword: "P", tls: material };
    expect(files.slice(-3).map((f) => contentOf(f, secrets))).toEqual(["CA-PEM", "CERT-PEM", "KEY-PEM"]);
    // The key lives in its file only: rabbitmq.conf names the path.
    expect(files.filter((f) => f.path !== NODE_KEY_PATH).some((f) => contentOf(f, secrets).includes("KEY-PEM"))).toBe(false);
  });

  it("refuses to render a TLS node without its material", () => {
    const key = nodeFiles(seedCluster, node, "dev", TLS_ON).at(-1)!;
    expect(() => contentOf(key, { erlangCookie: "C", adminPassword: "P" })).toThrow("rabbitmq-ha:tls is on but the node's TLS privateKey was not provided");
  });

  it("has no TLS files while TLS is off", () => {
    expect(nodeFiles(seedCluster, node, "dev").some((f) => f.path.startsWith("/etc/rabbitmq/tls/"))).toBe(false);
  });
});

describe("haproxy.cfg with rabbitmq-ha:tls", () => {
  const render = (tls: TlsSpec) => renderHaproxyCfg(seedPair, seedCluster, "dev", { statsPassword: "S", caCertificate: "CA" }, tls);

  it("passes AMQPS and HTTPS through, each node checked over TLS against the CA and its hostname", () => {
    const text = render(TLS_ON);
    expect(text).toContain("listen amqps\n    bind :5671");
    expect(text).toContain("listen management-tls\n    bind :15671");
    expect(text).toContain(`check-ssl verify required ca-file ${HAPROXY_CA_PATH}`);
    expect(text).toContain("server rabbit-ram1 172.28.8.40:5671 verifyhost rabbit-ram1\n");
    expect(text).toContain("server rabbit-disc1 172.28.8.150:5671 verifyhost rabbit-disc1 backup\n");
    expect(text).toContain("listen amqp\n");
    expect(text).not.toMatch(/^\s+(ssl |crt )/m);
  });

  it("drops the plain listeners with plainListeners: false", () => {
    const text = render(TLS_ONLY);
    expect(text).not.toContain("listen amqp\n");
    expect(text).not.toContain("listen management\n");
    expect(text).toContain("listen amqps");
  });

  it.skipIf(missing(HAPROXY))("passes haproxy -c with TLS on and TLS only", () => {
    expect(haproxyRejects(render(TLS_ON))).toBeUndefined();
    expect(haproxyRejects(render(TLS_ONLY))).toBeUndefined();
  });

  it("gives each load balancer the CA (secret-kind: an Output until generated)", () => {
    const files = loadBalancerFiles(seedPair, seedPair.instances[0]!, seedCluster, "dev", TLS_ON);
    expect(files.map((f) => [f.path, f.permissions])).toEqual([[HAPROXY_CFG_PATH, "0640"], [HAPROXY_CA_PATH, "0644"], ["/etc/keepalived/keepalived.conf", "0644"]]);
    expect(contentOf(files[1]!, { statsPassword: "S", caCertificate: "CA" })).toBe("CA");
  });
});
