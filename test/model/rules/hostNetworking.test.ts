import { describe, expect, it } from "vitest";
import { checkStack } from "../../../model/rules/index";
import { context, lines, stackOf, type Raw } from "../fixtures";
import { threeHosts } from "../hostFixtures";

const check = (change: (stack: Raw) => void = () => undefined) => {
  const stack = stackOf((s) => {
    threeHosts(s);
    change(s);
  });
  return lines(checkStack(stack, context()));
};
const AT = "error Pulumi.test.yaml config.rabbitmq-ha:";
const WARN = "warning Pulumi.test.yaml config.rabbitmq-ha:";

describe("host networking (several Docker hosts)", () => {
  it("accepts the seed's plan: a node per machine, the load balancers beside two of them, the VIP on the LAN", () => {
    expect(check()).toEqual([]);
    const stack = stackOf(threeHosts);
    expect([stack.network.mode, stack.cluster.networkMode, stack.loadBalancers.networkMode]).toEqual(["host", "host", "host"]);
    expect(stack.loadBalancers.instances.map((lb) => lb.interface)).toEqual(["eth0", "ens18"]);
  });

  it("leaves one host on its bridge network, as before", () => {
    const stack = stackOf();
    expect([stack.network.mode, stack.cluster.networkMode, stack.loadBalancers.networkMode]).toEqual(["bridge", "bridge", "bridge"]);
    expect(stack.loadBalancers.instances.map((lb) => lb.interface)).toEqual([undefined, undefined]);
  });

  it.each<[string, (stack: Raw) => void, string[]]>([
    ["a host without its LAN address", (s) => delete s.hosts[2].address, [`${AT}hosts[2].name: host "h3" has no address (with 3 hosts, containers use their machine's network: give every host its LAN address)`]],
    [
      "a host outside the LAN",
      (s) => (s.hosts[2].address = s.cluster.nodes[2].address = "198.51.100.150"),
      [`${AT}hosts[2].address: host "h3" 198.51.100.150 is outside the subnet 192.0.2.0/24 (use an address from 192.0.2.1 to 192.0.2.254) (network.subnet is the machines' LAN with several hosts)`],
    ],
    [
      "the VIP outside the hosts' LAN",
      (s) => (s.loadBalancers.virtualIp = "198.51.100.220"),
      [`${AT}loadBalancers.virtualIp: the virtual IP 198.51.100.220 is outside the subnet 192.0.2.0/24 (use an address from 192.0.2.1 to 192.0.2.254) (it must be on the machines' LAN, network.subnet)`],
    ],
    ["the VIP on a machine's address", (s) => (s.loadBalancers.virtualIp = "192.0.2.150"), [`${AT}loadBalancers.virtualIp: 192.0.2.150 is host "h3"'s address (the VIP must be a free address on the LAN)`]],
    [
      "a node whose address is not its machine's",
      (s) => (s.cluster.nodes[2].address = "192.0.2.151"),
      [`${AT}cluster.nodes[2].address: node "rabbit-3" has 192.0.2.151, not its host "h3"'s address 192.0.2.150 (with host networking a container's address is its machine's)`],
    ],
    [
      "two nodes on one machine (same ports)",
      (s) => {
        s.cluster.nodes[2].host = "h1";
        s.cluster.nodes[2].address = "192.0.2.40";
      },
      [
        `${AT}cluster.nodes[2].address: node "rabbit-3" and node "rabbit-1" are both on host "h1" and both need port 5672 (AMQP) (with host networking a machine carries at most one node and one load balancer)`,
        `${WARN}hosts[0].name: host "h1" carries 2 of 3 nodes (a majority: losing this machine loses the quorum; spread the nodes over the hosts)`,
      ],
    ],
    [
      "both load balancers on one machine",
      (s) => (s.loadBalancers.instances[1] = { ...s.loadBalancers.instances[1], host: "h1", address: "192.0.2.40" }),
      [
        `${AT}loadBalancers.instances[1].address: load balancer "lb2" and load balancer "lb1" are both on host "h1" and both need port 5672 (AMQP on the VIP) (with host networking a machine carries at most one node and one load balancer)`,
        `${WARN}hosts[0].name: host "h1" carries both load balancers (losing this machine loses the VIP; put them on two hosts)`,
      ],
    ],
    [
      "a load balancer's host without an interface",
      (s) => delete s.hosts[1].interface,
      [`${AT}hosts[1].name: host "h2" carries load balancer "lb2" but has no interface (name the LAN interface Keepalived puts the VIP on, e.g. eth0)`],
    ],
    [
      "published ports",
      (s) => (s.loadBalancers.instances[0].publish = { amqp: 5672 }),
      [`${AT}loadBalancers.instances[0].publish: publish with several hosts (host networking maps no ports: clients reach the VIP 192.0.2.220 directly)`],
    ],
    [
      "plain tcp:// without TLS files",
      (s) => (s.hosts[0].url = "tcp://192.0.2.40:2375"),
      [`${AT}hosts[0].url: tcp://192.0.2.40:2375 without certPath (a plain tcp:// Docker endpoint gives root on the machine to anyone on the LAN; set certPath to the directory of ca.pem, cert.pem and key.pem, or use ssh://)`],
    ],
    ["TLS files for an ssh:// endpoint", (s) => (s.hosts[0].certPath = "/etc/docker/h1"), [`${AT}hosts[0].certPath: certPath with ssh://ops@192.0.2.40 (TLS files apply to tcp:// endpoints only)`]],
    [
      "a node on a host that is not declared",
      (s) => (s.cluster.nodes[2].host = "h9"),
      [`${AT}cluster.nodes[2].host: host "h9" is not declared in rabbitmq-ha:hosts (declared: h1, h2, h3)`],
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual(expected);
  });

  it("accepts tcp:// with TLS files", () => {
    expect(
      check((s) => {
        s.hosts[0].url = "tcp://192.0.2.40:2376";
        s.hosts[0].certPath = "/etc/docker/h1";
      }),
    ).toEqual([]);
  });
});
