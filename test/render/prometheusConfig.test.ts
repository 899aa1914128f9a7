import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Model } from "../../model/types";
import { renderPrometheusConfig, scrapeTargets } from "../../render/prometheusConfig";
import { seedCluster, seedPair } from "./fixtures";

const model = { stack: "dev", cluster: seedCluster, loadBalancers: seedPair, metrics: { scrapeIntervalMs: 30_000, labels: { env: "lab" } } } as unknown as Model;

describe("renderPrometheusConfig", () => {
  it("lists every node's 15692, every load balancer's 8405 and the exporter through the VIP", () => {
    expect(scrapeTargets(model).map((t) => `${t.job} ${t.instance} ${t.url}`)).toEqual([
      "rabbitmq rabbit-disc1 http://172.28.8.150:15692/metrics",
      "rabbitmq rabbit-ram1 http://172.28.8.40:15692/metrics",
      "rabbitmq rabbit-ram2 http://172.28.8.45:15692/metrics",
      "haproxy lb1 http://172.28.8.21:8405/metrics",
      "haproxy lb2 http://172.28.8.22:8405/metrics",
      "haproxy-vip vip http://172.28.8.220:8405/metrics",
    ]);
  });

  it("writes a scrape config Prometheus reads: one job per kind, named targets, the stack's labels", () => {
    const config = parse(renderPrometheusConfig(model)) as {
      global: { scrape_interval: string };
      scrape_configs: { job_name: string; metrics_path: string; static_configs: { targets: string[]; labels: Record<string, string> }[] }[];
    };
    expect(config.global.scrape_interval).toBe("30s");
    expect(config.scrape_configs.map((j) => `${j.job_name} ${j.metrics_path} ${j.static_configs.length}`)).toEqual(["dev-rabbitmq /metrics 3", "dev-haproxy /metrics 2", "dev-haproxy-vip /metrics 1"]);
    expect(config.scrape_configs[1]!.static_configs[1]).toEqual({ targets: ["172.28.8.22:8405"], labels: { env: "lab", instance: "lb2", stack: "dev", component: "haproxy" } });
  });
});
