/**
 * Metrics, scraped as the rendered prometheus.yml lists them: every node's rabbitmq_prometheus
 * names its own node and the stack's cluster; every HAProxy's exporter shows the AMQP backend up
 * with every node's server up; exactly one load balancer's metrics say it holds the VIP, the one
 * whose eth0 carries it (asked of the kernel), and the exporter through the VIP agrees.
 */
import { Check, expect } from "./types";
import { samplesOf } from "../../../ops/metrics/exposition";
import { erlangNodeName } from "../../../render/format";
import { scrape, targetsOf, waitForMetricHolder } from "../metrics/scrape";
import { waitForSingleHolder } from "../faults/vip";

export const nodeMetrics: Check = {
  name: "metrics: every node's rabbitmq_prometheus (15692) identifies its node",
  run: async (deployment) => {
    const targets = targetsOf(deployment, "rabbitmq");
    expect(targets.length === deployment.nodes.length && targets.length > 0, `${targets.length} node targets for ${deployment.nodes.length} nodes`);
    const cluster = `rabbitmq-ha-${deployment.stack}`;
    let series = 0;
    for (const target of targets) {
      const samples = await scrape(target.url);
      series += samples.length;
      const identity = samplesOf(samples, "rabbitmq_identity_info");
      const node = erlangNodeName(target.instance);
      expect(identity.length === 1, `${target.url}: ${identity.length} rabbitmq_identity_info samples (want 1)`);
      expect(identity[0]!.labels["rabbitmq_node"] === node, `${target.url}: rabbitmq_node="${identity[0]!.labels["rabbitmq_node"]}", want "${node}"`);
      expect(identity[0]!.labels["rabbitmq_cluster"] === cluster, `${target.url}: rabbitmq_cluster="${identity[0]!.labels["rabbitmq_cluster"]}", want "${cluster}"`);
      expect(samplesOf(samples, "rabbitmq_resident_memory_limit_bytes").length === 1, `${target.url}: no rabbitmq_resident_memory_limit_bytes`);
    }
    return `${targets.length} nodes, each names itself in rabbitmq_identity_info (cluster ${cluster}); ${series} samples`;
  },
};

export const haproxyMetrics: Check = {
  name: "metrics: every HAProxy's exporter (8405) shows the AMQP backend and every node up",
  run: async (deployment) => {
    const targets = targetsOf(deployment, "haproxy");
    expect(targets.length === deployment.lbs.length && targets.length > 0, `${targets.length} HAProxy targets for ${deployment.lbs.length} load balancers`);
    for (const target of targets) {
      const samples = await scrape(target.url);
      const backendUp = samplesOf(samples, "haproxy_backend_status", { proxy: "amqp", state: "UP" })[0]?.value;
      expect(backendUp === 1, `${target.url}: haproxy_backend_status{proxy="amqp",state="UP"} is ${backendUp}, want 1`);
      for (const node of deployment.nodes) {
        const up = samplesOf(samples, "haproxy_server_status", { proxy: "amqp", server: node.hostname, state: "UP" })[0]?.value;
        expect(up === 1, `${target.url}: server ${node.hostname} of amqp is not UP (${up})`);
      }
    }
    return `${targets.length} exporters, backend amqp UP with ${deployment.nodes.length} servers UP on each`;
  },
};

export const vipStateMetrics: Check = {
  name: "metrics: exactly one load balancer reports holding the VIP, the one that holds it",
  run: async (deployment) => {
    const holder = await waitForSingleHolder(deployment, 10_000);
    const ms = await waitForMetricHolder(deployment, holder, 10_000);
    return `${holder.name} holds the VIP (ip addr) and only its exporter says so, through the VIP too (settled in ${ms} ms)`;
  },
};

/** The limits checks live in limits.ts; these three scrape. */
export const METRICS_CHECKS: readonly Check[] = [nodeMetrics, haproxyMetrics, vipStateMetrics];
