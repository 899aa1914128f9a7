import { describe, expect, it } from "vitest";
import { containerCreateRequest } from "../../../../engine/providers/docker/containerConfig";
import { testLabelsFor } from "../../../../engine/providers/docker/client";

const LABELS = testLabelsFor("e2e-test");

describe("containerCreateRequest", () => {
  it("maps the declared inputs the way the docker provider builds ContainerCreate", () => {
    const request = containerCreateRequest(
      {
        name: "node-1",
        image: "rabbitmq:3.13-management",
        hostname: "rabbit-1",
        envs: ["A=1"],
        labels: [{ label: "rabbitmq-ha.role", value: "node" }],
        restart: "unless-stopped",
        capabilities: { adds: ["NET_ADMIN"] },
        hosts: [{ host: "rabbit-2", ip: "10.0.0.2" }],
        ports: [{ internal: 5672, external: 5673 }],
        healthcheck: { tests: ["CMD", "true"], interval: "1m30s", timeout: "500ms", retries: 3 },
        volumes: [{ volumeName: "data", containerPath: "/var/lib/rabbitmq" }],
        wait: true,
        networksAdvanced: [{ name: "net", ipv4Address: "10.0.0.1" }],
      },
      "docker.Container node",
      LABELS,
    );
    expect(request.name).toBe("node-1");
    expect(request.body).toMatchObject({
      Image: "rabbitmq:3.13-management",
      Hostname: "rabbit-1",
      Env: ["A=1"],
      Labels: { "rabbitmq-ha.role": "node", "rabbitmq-ha.test": "1", "rabbitmq-ha.e2e-stack": "e2e-test" },
      ExposedPorts: { "5672/tcp": {} },
      Healthcheck: { Test: ["CMD", "true"], Interval: 90e9, Timeout: 5e8, StartPeriod: 0, StartInterval: 0, Retries: 3 },
      HostConfig: {
        RestartPolicy: { Name: "unless-stopped", MaximumRetryCount: 0 },
        CapAdd: ["CAP_NET_ADMIN"], // the Docker client adds the prefix (hostConfig.ts)
        CapDrop: [],
        ExtraHosts: ["rabbit-2:10.0.0.2"],
        PortBindings: { "5672/tcp": [{ HostIp: "0.0.0.0", HostPort: "5673" }] },
        Binds: ["data:/var/lib/rabbitmq"],
        Init: false,
        LogConfig: { Type: "json-file", Config: {} },
      },
    });
  });

  it("defaults restart to no, as the provider does", () => {
    const { body } = containerCreateRequest({ name: "c", image: "i" }, "c", LABELS);
    expect((body["HostConfig"] as { RestartPolicy: unknown }).RestartPolicy).toEqual({ Name: "no", MaximumRetryCount: 0 });
  });

  it("refuses inputs it does not implement rather than deploying something else", () => {
    expect(() => containerCreateRequest({ name: "c", image: "i", gpus: "all", runtime: "nvidia" }, "docker.Container c", LABELS)).toThrow(
      "docker.Container c: the e2e applier does not implement container inputs: gpus, runtime",
    );
  });

  it("names the field of a mistyped input", () => {
    expect(() => containerCreateRequest({ name: "c", image: "i", envs: "A=1" }, "docker.Container c", LABELS)).toThrow(
      'docker.Container c: input "envs" must be a list, got "A=1"',
    );
  });
});
