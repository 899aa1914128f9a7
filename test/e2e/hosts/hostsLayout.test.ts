import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../../model/load";
import { e2eStackConfig } from "../stacks";
import { imagesPerHost, lanOf } from "./hostsLayout";

const REPO = path.resolve(__dirname, "../../..");

function e2eHostsModel(overrides: Record<string, unknown> = {}) {
  const config = Object.fromEntries(Object.entries({ ...e2eStackConfig(REPO, "e2e-hosts"), ...overrides }).map(([key, value]) => [key.replace(/^rabbitmq-ha:/, ""), value]));
  const result = loadModel({ project: "rabbitmq-ha", stack: "e2e-hosts", projectDir: REPO, config, stackFile: "Pulumi.e2e-hosts.yaml" });
  if (!result.model) throw new Error("e2e-hosts does not validate");
  return result.model;
}

describe("the machines of e2e-hosts", () => {
  it("are the stack's hosts on its subnet, the client on the lowest free address (the highest stays unused for the verify CLI's probe)", () => {
    const lan = lanOf(e2eHostsModel());
    expect(lan).toEqual({
      subnet: "10.213.8.0/24",
      prefixLength: 24,
      clientAddress: "10.213.8.2",
      hosts: [
        { name: "mq-ram1", address: "10.213.8.40" },
        { name: "mq-ram2", address: "10.213.8.45" },
        { name: "mq-disc1", address: "10.213.8.150" },
      ],
    });
  });

  it("get the RabbitMQ image where a node runs and the prebuilt load-balancer image where a load balancer runs", () => {
    expect(Object.fromEntries(imagesPerHost(e2eHostsModel()))).toEqual({
      "mq-ram1": ["rabbitmq-ha-test/rabbitmq:3.10-management", "rabbitmq-ha-test/loadbalancer:dev"],
      "mq-ram2": ["rabbitmq-ha-test/rabbitmq:3.10-management", "rabbitmq-ha-test/loadbalancer:dev"],
      "mq-disc1": ["rabbitmq-ha-test/rabbitmq:3.10-management"],
    });
  });

  it("refuse a stack that would have the namespace engines build the load-balancer image", () => {
    const lbs = e2eStackConfig(REPO, "e2e-hosts")["rabbitmq-ha:loadBalancers"] as Record<string, unknown>;
    const { image: _prebuilt, ...building } = lbs;
    expect(() => imagesPerHost(e2eHostsModel({ "rabbitmq-ha:loadBalancers": building }))).toThrow("the stack must name a prebuilt one (loadBalancers.image)");
  });
});
