import { describe, expect, it } from "vitest";
import { checkHostMemory } from "../../../model/rules/hostMemory";
import { context, lines, stackOf, type Raw } from "../fixtures";

const check = (change: (stack: Raw) => void) => {
  const stack = stackOf(change);
  return lines(checkHostMemory(stack.hosts, stack.cluster, stack.loadBalancers, context()));
};
const AT = "warning Pulumi.test.yaml config.rabbitmq-ha:";

describe("host memory rule", () => {
  it.each<[string, (stack: Raw) => void]>([
    ["no host memory given", () => undefined],
    ["the defaults on a host that has room (3 x 1GiB + 2 x 512MiB = 4GiB)", (s) => (s.hosts = [{ name: "local", memory: "4GiB" }])],
  ])("says nothing for %s", (_, change) => expect(check(change)).toEqual([]));

  it("warns with every container's share when the limits add up to more than the host has", () => {
    expect(
      check((s) => {
        s.hosts = [{ name: "local", memory: "3GiB" }];
        s.cluster.resources = { memory: "1GiB" };
        s.cluster.nodes[2].resources = { memory: "1536MiB" };
      }),
    ).toEqual([
      `${AT}hosts[0].memory: the containers on host "local" may use 4608MiB together (rabbit-1 1GiB, rabbit-2 1GiB, rabbit-3 1536MiB, lb1 512MiB, lb2 512MiB), more than its 3GiB: lower cluster.resources.memory / loadBalancers.resources.memory or place containers on another host`,
    ]);
  });

  it("counts each host's own containers only", () => {
    expect(
      check((s) => {
        s.hosts = [{ name: "h1", memory: "2GiB" }, { name: "h2", memory: "2GiB" }];
        s.cluster.nodes[0].host = "h2";
        s.loadBalancers.instances[0].host = "h2";
      }),
    ).toEqual([
      `${AT}hosts[0].memory: the containers on host "h1" may use 2560MiB together (rabbit-2 1GiB, rabbit-3 1GiB, lb2 512MiB), more than its 2GiB: lower cluster.resources.memory / loadBalancers.resources.memory or place containers on another host`,
    ]);
  });
});
