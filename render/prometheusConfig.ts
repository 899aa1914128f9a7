/**
 * prometheus.yml for the stack (`npm run render` writes it beside the containers' files): one
 * job per kind of endpoint, every target at its address on the cluster network, which the Docker
 * host reaches (run Prometheus there, or in a container on the network):
 * - rabbitmq: every node's rabbitmq_prometheus (15692) at `/metrics`, the per-node aggregates
 *   RabbitMQ's published dashboards read (per-queue series are at `/metrics/per-object`, left
 *   out: their number grows with the topology);
 * - haproxy: every load balancer's exporter (8405), with the VIP state in
 *   haproxy_backend_active_servers{proxy="vip_state"} (render/haproxyMetrics.ts);
 * - haproxy-vip: the same exporter through the VIP, i.e. whichever load balancer holds it now.
 * Each target carries `instance` as a stable name (node hostname, load-balancer name) rather than
 * an address, as RabbitMQ's dashboards group by it.
 */
import { stringify } from "yaml";
import type { Model } from "../model/types";
import { HAPROXY_METRICS_PORT, METRICS_PATH } from "./haproxyMetrics";
import { PROMETHEUS_PORT } from "./rabbitmqConf";

interface StaticConfig {
  readonly targets: string[];
  readonly labels: Record<string, string>;
}

/** The scrape targets, as the end-to-end suite scrapes them too. */
export interface ScrapeTarget {
  readonly job: "rabbitmq" | "haproxy" | "haproxy-vip";
  /** A node's hostname, a load balancer's name, or "vip". */
  readonly instance: string;
  readonly address: string;
  readonly url: string;
}

export function scrapeTargets(model: Pick<Model, "cluster" | "loadBalancers">): ScrapeTarget[] {
  const url = (address: string, port: number) => `http://${address}:${port}${METRICS_PATH}`;
  return [
    ...model.cluster.nodes.map((n) => ({ job: "rabbitmq" as const, instance: n.hostname, address: `${n.address}:${PROMETHEUS_PORT}`, url: url(n.address, PROMETHEUS_PORT) })),
    ...model.loadBalancers.instances.map((lb) => ({
      job: "haproxy" as const,
      instance: lb.name,
      address: `${lb.address}:${HAPROXY_METRICS_PORT}`,
      url: url(lb.address, HAPROXY_METRICS_PORT),
    })),
    {
      job: "haproxy-vip" as const,
      instance: "vip",
      address: `${model.loadBalancers.virtualIp}:${HAPROXY_METRICS_PORT}`,
      url: url(model.loadBalancers.virtualIp, HAPROXY_METRICS_PORT),
    },
  ];
}

export function renderPrometheusConfig(model: Model): string {
  const targets = scrapeTargets(model);
  const jobs = [...new Set(targets.map((t) => t.job))].map((job) => ({
    job_name: `${model.stack}-${job}`,
    metrics_path: METRICS_PATH,
    static_configs: targets
      .filter((t) => t.job === job)
      .map((t): StaticConfig => ({ targets: [t.address], labels: { ...model.metrics.labels, instance: t.instance, stack: model.stack, component: t.job } })),
  }));
  const header = [
    `# Prometheus scrape config for stack ${model.stack}, rendered by rabbitmq-ha (npm run render).`,
    "# Targets are addresses on the cluster network: run Prometheus on the Docker host or on that network.",
    '# VIP holder: haproxy_backend_active_servers{proxy="vip_state"} == 1 on exactly one haproxy target.',
    "",
  ].join("\n");
  return header + stringify({ global: { scrape_interval: `${model.metrics.scrapeIntervalMs / 1000}s` }, scrape_configs: jobs });
}
