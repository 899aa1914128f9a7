import { describe, expect, it } from "vitest";
import { checkPlacement } from "../../../model/rules/placement";
import { context, lines, stackOf, type Raw } from "../fixtures";

const check = (change: (stack: Raw) => void) => {
  const stack = stackOf(change);
  return lines(checkPlacement(stack.hosts, stack.cluster, stack.loadBalancers, context()));
};
const AT = "error Pulumi.test.yaml config.rabbitmq-ha:";
const twoHosts = (s: Raw) => (s.hosts = [{ name: "h1", url: "tcp://10.0.0.1:2375" }, { name: "h2", url: "ssh://ops@h2" }]);

describe("placement rules", () => {
  it("accepts the default host and explicit hosts that exist", () => {
    expect(check(() => undefined)).toEqual([]);
    expect(
      check((s) => {
        twoHosts(s);
        s.cluster.nodes[2].host = "h2";
      }),
    ).toEqual([]);
    expect(stackOf(twoHosts).cluster.nodes.map((node) => node.host)).toEqual(["h1", "h1", "h1"]);
  });

  it.each<[string, (stack: Raw) => void, string]>([
    ["a node on an undeclared host", (s) => (s.cluster.nodes[1].host = "remote"), `${AT}cluster.nodes[1].host: host "remote" is not declared in rabbitmq-ha:hosts (declared: local)`],
    [
      "a load balancer on an undeclared host",
      (s) => {
        twoHosts(s);
        s.loadBalancers.instances[0].host = "h3";
      },
      `${AT}loadBalancers.instances[0].host: host "h3" is not declared in rabbitmq-ha:hosts (declared: h1, h2)`,
    ],
    ["a host declared twice", (s) => (s.hosts = [{ name: "h1" }, { name: "h1" }]), `${AT}hosts[1].name: duplicate host "h1" (host names are unique)`],
    ["two nodes with one hostname", (s) => (s.cluster.nodes[1].hostname = "rabbit-1"), `${AT}cluster.nodes[1].hostname: hostname "rabbit-1" is already used by a node (hostnames are unique on the network)`],
    [
      "a load balancer named like a node",
      (s) => (s.loadBalancers.instances[1].name = "rabbit-3"),
      `${AT}loadBalancers.instances[1].name: hostname "rabbit-3" is already used by a node (hostnames are unique on the network)`,
    ],
    [
      "no node serving clients",
      (s) => s.cluster.nodes.forEach((node: Raw) => (node.servesClients = false)),
      `${AT}cluster.nodes: no node has servesClients: true (HAProxy needs at least one node to send clients to)`,
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual([expected]);
  });

  it("sends clients to RAM nodes only when there are RAM nodes, unless told otherwise", () => {
    const serves = (change: (s: Raw) => void) => stackOf(change).cluster.nodes.map((node) => node.servesClients);
    expect(serves(() => undefined)).toEqual([true, true, true]);
    expect(serves((s) => (s.cluster.nodes[2].type = "ram"))).toEqual([false, false, true]);
    expect(
      serves((s) => {
        s.cluster.nodes[2].type = "ram";
        s.cluster.nodes[0].servesClients = true;
      }),
    ).toEqual([true, false, true]);
  });
});
