import { describe, expect, it } from "vitest";
import { KEEPALIVED_CONF_PATH } from "../../render/loadBalancerFiles";
import { containers, named, run, stackValue, upload } from "./program";

describe("load balancers", () => {
  it("run HAProxy and Keepalived in one container with NET_ADMIN and NET_RAW, from the locally built image", async () => {
    const { resources } = await run("dev");
    const image = named(resources, "lb-image-local");
    expect(image.inputs).toMatchObject({
      name: "rabbitmq-ha-loadbalancer:haproxy-2.8",
      keepLocally: true,
      build: { context: "templates/loadbalancer", dockerfile: "Dockerfile", buildArgs: { HAPROXY_IMAGE: "haproxy:2.8" } },
    });
    expect((image.inputs["triggers"] as Record<string, string>)["context"]).toMatch(/^[0-9a-f]{64}$/);
    for (const lb of containers(resources, "loadbalancer")) {
      expect(lb.inputs["capabilities"]).toEqual({ adds: ["CAP_NET_ADMIN", "CAP_NET_RAW"] }); // as the provider reads them back
      expect(lb.dependencies).toContain(image.urn);
      expect(upload(lb, KEEPALIVED_CONF_PATH).content).toContain("virtual_router_id 51");
    }
  });

  it("use a prebuilt image as it is, building nothing, when the stack names one", async () => {
    const lbs = stackValue("dev", "loadBalancers");
    const { haproxyImage: _base, ...rest } = lbs;
    const { resources } = await run("dev", { "rabbitmq-ha:loadBalancers": { ...rest, image: "registry.example/rabbitmq-ha-loadbalancer:2.8-1" } });
    const image = named(resources, "lb-image-local");
    expect(image.inputs).toEqual({ name: "registry.example/rabbitmq-ha-loadbalancer:2.8-1", keepLocally: true });
    for (const lb of containers(resources, "loadbalancer")) expect(lb.dependencies).toContain(image.urn);
  });

  it("use the stack's RabbitMQ image as it is on the host, kept when the stack goes", async () => {
    const { resources } = await run("modern");
    expect(named(resources, "cluster-image-local").inputs).toEqual({ name: "rabbitmq:4.1-management", keepLocally: true });
  });

  it("publish no host ports unless the stack asks, then exactly the ones it asks for", async () => {
    const plain = await run("dev");
    for (const lb of containers(plain.resources, "loadbalancer")) expect(lb.inputs["ports"]).toEqual([]);

    const lbs = stackValue("dev", "loadBalancers");
    const instances = lbs["instances"] as Record<string, unknown>[];
    const published = await run("dev", {
      "rabbitmq-ha:loadBalancers": { ...lbs, instances: [{ ...instances[0], publish: { bindAddress: "127.0.0.1", amqp: 5672, stats: 8404 } }, instances[1]] },
    });
    // By name: registration order follows when each container's inputs resolve.
    const [lb1, lb2] = ["lb-lb1-container", "lb-lb2-container"].map((name) => named(published.resources, name));
    expect(lb1!.inputs["ports"]).toEqual([
      { internal: 5672, external: 5672, ip: "127.0.0.1", protocol: "tcp" },
      { internal: 8404, external: 8404, ip: "127.0.0.1", protocol: "tcp" },
    ]);
    expect(lb2!.inputs["ports"]).toEqual([]);
  });

  it("report their addresses as a stack output", async () => {
    const { outputs } = await run("dev");
    expect(outputs["loadBalancerAddresses"]).toEqual([
      { name: "lb1", address: "172.28.8.21" },
      { name: "lb2", address: "172.28.8.22" },
    ]);
  });
});
