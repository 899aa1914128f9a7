import { describe, expect, it } from "vitest";
import { checkNetwork } from "../../../model/rules/network";
import { context, lines, stackOf, type Raw } from "../fixtures";

const check = (change: (stack: Raw) => void) => {
  const stack = stackOf(change);
  return lines(checkNetwork(stack.network, stack.cluster, stack.loadBalancers, context()));
};
const AT = "error Pulumi.test.yaml config.rabbitmq-ha:";

describe("network rules", () => {
  it("accepts addresses inside the subnet, and defaults the gateway to the first host", () => {
    expect(check(() => undefined)).toEqual([]);
    expect(stackOf().network.gateway).toBe("172.28.9.1");
  });

  it.each<[string, (stack: Raw) => void, string]>([
    [
      "a VIP outside the subnet",
      (s) => (s.loadBalancers.virtualIp = "172.28.10.220"),
      `${AT}loadBalancers.virtualIp: the virtual IP 172.28.10.220 is outside the subnet 172.28.9.0/24 (use an address from 172.28.9.1 to 172.28.9.254)`,
    ],
    [
      "a VIP that is a node's address",
      (s) => (s.loadBalancers.virtualIp = "172.28.9.12"),
      `${AT}loadBalancers.virtualIp: the virtual IP 172.28.9.12 is already node "rabbit-2"'s address (every address on the network is unique; the VIP must be a free address)`,
    ],
    [
      "a VIP that is the gateway",
      (s) => (s.loadBalancers.virtualIp = "172.28.9.1"),
      `${AT}loadBalancers.virtualIp: the virtual IP 172.28.9.1 is already the gateway's address (every address on the network is unique; the VIP must be a free address)`,
    ],
    [
      "two nodes on one address",
      (s) => (s.cluster.nodes[2].address = "172.28.9.11"),
      `${AT}cluster.nodes[2].address: node "rabbit-3" 172.28.9.11 is already node "rabbit-1"'s address (every address on the network is unique)`,
    ],
    [
      "a load balancer on a node's address",
      (s) => (s.loadBalancers.instances[1].address = "172.28.9.13"),
      `${AT}loadBalancers.instances[1].address: load balancer "lb2" 172.28.9.13 is already node "rabbit-3"'s address (every address on the network is unique)`,
    ],
    [
      "a node on the broadcast address",
      (s) => (s.cluster.nodes[0].address = "172.28.9.255"),
      `${AT}cluster.nodes[0].address: node "rabbit-1" 172.28.9.255 is the broadcast address of 172.28.9.0/24 (not usable by a host)`,
    ],
    [
      "a node on the network address",
      (s) => (s.cluster.nodes[0].address = "172.28.9.0"),
      `${AT}cluster.nodes[0].address: node "rabbit-1" 172.28.9.0 is the network address of 172.28.9.0/24 (not usable by a host)`,
    ],
    [
      "a gateway outside the subnet",
      (s) => (s.network.gateway = "10.0.0.1"),
      `${AT}network.gateway: gateway 10.0.0.1 is outside the subnet 172.28.9.0/24 (use an address from 172.28.9.1 to 172.28.9.254)`,
    ],
    [
      "a subnet with host bits",
      (s) => (s.network.subnet = "172.28.9.5/24"),
      `${AT}network.subnet: "172.28.9.5/24" has host bits set (the network address is 172.28.9.0/24)`,
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual([expected]);
  });
});
