/**
 * Host networking (several Docker hosts) as rendered: each container binds exactly what
 * model/net/hostPorts.ts says (the validation's port table), names resolve through /etc/hosts,
 * Keepalived speaks unicast to the other machine on the named interface.
 */
import { describe, expect, it } from "vitest";
import { HOST_PORTS } from "../../model/net/hostPorts";
import { peerHostEntries } from "../../render/clusterPeers";
import { renderHaproxyCfg, STATS_PORT } from "../../render/haproxyCfg";
import { renderKeepalivedConf } from "../../render/keepalivedConf";
import { AMQP_PORT, ERLANG_DISTRIBUTION_PORT, MANAGEMENT_PORT, PROMETHEUS_PORT, renderRabbitmqConf } from "../../render/rabbitmqConf";
import { stackOf } from "../model/fixtures";
import { AMQPS_PORT, MANAGEMENT_TLS_PORT, TLS_OFF } from "../../model/tls/spec";
import { HAPROXY_METRICS_PORT } from "../../render/haproxyMetrics";
import { threeHosts } from "../model/hostFixtures";
import { placeholderHaproxySecrets } from "./fixtures";
import { haproxyRejects, keepalivedRejects, keepalivedUnavailable, missing, HAPROXY } from "./realBinaries";

const stack = stackOf(threeHosts);
const bridge = stackOf();
const confLines = (text: string) => text.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));

describe("host networking renders", () => {
  it("uses the ports the validation's table names", () => {
    expect(HOST_PORTS).toEqual({
      amqp: AMQP_PORT, management: MANAGEMENT_PORT, prometheus: PROMETHEUS_PORT, epmd: 4369, distribution: ERLANG_DISTRIBUTION_PORT, stats: STATS_PORT,
      amqps: AMQPS_PORT, managementTls: MANAGEMENT_TLS_PORT, haproxyMetrics: HAPROXY_METRICS_PORT,
    });
  });

  it("with TLS, a node listens for AMQPS and HTTPS on its machine's address and HAProxy on the VIP (and 127.0.0.1 for its track script)", () => {
    const tls = { ...TLS_OFF, enabled: true };
    const conf = confLines(renderRabbitmqConf(stack.cluster, stack.cluster.nodes[2]!, "prod", tls));
    expect(conf).toEqual(expect.arrayContaining(["listeners.ssl.1 = 192.0.2.150:5671", "management.ssl.ip = 192.0.2.150"]));
    expect(conf.filter((line) => line.startsWith("listeners.ssl.default"))).toEqual([]);
    const cfg = renderHaproxyCfg(stack.loadBalancers, stack.cluster, "prod", { ...placeholderHaproxySecrets, caCertificate: "ca" }, tls);
    const binds = confLines(cfg).filter((line) => line.trim().startsWith("bind ")).map((line) => line.trim());
    expect(binds).toEqual(expect.arrayContaining(["bind 192.0.2.220:5671 transparent", "bind 127.0.0.1:5671", "bind 192.0.2.220:15671 transparent"]));
    expect(binds.filter((line) => line === "bind :5671" || line === "bind :15671")).toEqual([]);
  });

  it("makes a node listen for clients on its machine's address only, with a fixed distribution port", () => {
    const conf = confLines(renderRabbitmqConf(stack.cluster, stack.cluster.nodes[2]!, "prod"));
    expect(conf).toContain("listeners.tcp.1 = 192.0.2.150:5672");
    expect(conf).toContain("management.tcp.ip = 192.0.2.150");
    expect(conf).toContain("distribution.listener.port_range.min = 25672");
    expect(conf).toContain("distribution.listener.port_range.max = 25672");
    expect(conf.filter((line) => line.startsWith("listeners.tcp.default"))).toEqual([]);
    // One host: as before, every address.
    const single = confLines(renderRabbitmqConf(bridge.cluster, bridge.cluster.nodes[0]!, "dev"));
    expect(single).toContain("listeners.tcp.default = 5672");
    expect(single.filter((line) => line.startsWith("management.tcp.ip") || line.startsWith("distribution."))).toEqual([]);
  });

  it("resolves every node, itself included, to its machine's address", () => {
    expect(peerHostEntries(stack.cluster, stack.cluster.nodes[0]!)).toEqual([
      { host: "rabbit-1", ip: "192.0.2.40" },
      { host: "rabbit-2", ip: "192.0.2.45" },
      { host: "rabbit-3", ip: "192.0.2.150" },
    ]);
    expect(peerHostEntries(bridge.cluster, bridge.cluster.nodes[0]!)).toEqual([]);
  });

  it("makes HAProxy listen on the VIP (and 127.0.0.1 for its track script) and send to the nodes' LAN addresses", () => {
    const cfg = renderHaproxyCfg(stack.loadBalancers, stack.cluster, "prod", placeholderHaproxySecrets);
    const binds = confLines(cfg).filter((line) => line.trim().startsWith("bind ")).map((line) => line.trim());
    expect(binds).toEqual(["bind 192.0.2.220:5672 transparent", "bind 127.0.0.1:5672", "bind 192.0.2.220:15672 transparent", "bind :8404", "bind :8405"]);
    expect(confLines(cfg).filter((line) => line.trim().startsWith("server ")).map((line) => line.trim().split(" ").slice(0, 3).join(" "))).toEqual([
      "server rabbit-1 192.0.2.40:5672",
      "server rabbit-2 192.0.2.45:5672",
      "server rabbit-3 192.0.2.150:5672",
      "server rabbit-1 192.0.2.40:15672",
      "server rabbit-2 192.0.2.45:15672",
      "server rabbit-3 192.0.2.150:15672",
      // The VIP-state metric's check (render/haproxyMetrics.ts), connecting from the VIP.
      "server held_here 192.0.2.220:8405",
    ]);
    const bridgeBinds = confLines(renderHaproxyCfg(bridge.loadBalancers, bridge.cluster, "dev", placeholderHaproxySecrets)).filter((line) => line.trim().startsWith("bind "));
    expect(bridgeBinds.map((line) => line.trim())).toEqual(["bind :5672", "bind :15672", "bind :8404", "bind :8405"]);
  });

  it.skipIf(missing(HAPROXY))("renders an haproxy.cfg the real HAProxy accepts", () => {
    expect(haproxyRejects(renderHaproxyCfg(stack.loadBalancers, stack.cluster, "prod", placeholderHaproxySecrets))).toBeUndefined();
  });

  it("puts the VIP on the named interface, unicast to the other machine", () => {
    const [lb1, lb2] = stack.loadBalancers.instances;
    const conf = confLines(renderKeepalivedConf(stack.loadBalancers, lb2!)).map((line) => line.trim());
    expect(conf).toContain("interface ens18");
    expect(conf).toContain("unicast_src_ip 192.0.2.45");
    expect(conf[conf.indexOf("unicast_peer {") + 1]).toBe(lb1!.address);
    expect(conf).toContain("192.0.2.220/32 dev ens18");
  });

  it.skipIf(keepalivedUnavailable())("renders a keepalived.conf the real Keepalived accepts", async () => {
    expect(await keepalivedRejects(renderKeepalivedConf(stack.loadBalancers, stack.loadBalancers.instances[0]!))).toBeUndefined();
  });
});
