/**
 * One good stack and one good topology file, built through the real schemas and builders;
 * each test changes one field and looks at what the rules say.
 */
import type { ClusterSpec } from "../../model/types";
import { Locations } from "../../model/locations";
import { buildTopology } from "../../model/build/topology";
import { buildCluster, buildHosts, buildLoadBalancers, buildNaming, buildNetwork } from "../../model/build/stack";
import { stackKeySchemas } from "../../model/schema/stackConfig";
import { topologyFileSchema } from "../../model/schema/topologyFile";
import type { Finding, RuleContext } from "../../model/rules/finding";
import type { CheckedStack } from "../../model/rules/index";
import { formatPath } from "../../model/source/yamlSource";

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw YAML-shaped data */
export type Raw = any;

export const STACK_FILE = "Pulumi.test.yaml";

export function context(locations = new Locations()): RuleContext {
  return { stackFile: STACK_FILE, locations, cite: (where) => `${where.file}@${formatPath(where.path)}` };
}

/** A finding as one comparable line: severity, file, dotted path, message. */
export function lines(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.where.file} ${formatPath(f.where.path)}${f.where.atKey ? " (key)" : ""}: ${f.message}`);
}

export function saleFile(): Raw {
  return {
    system: "SALE",
    vhosts: [{ name: "SALE_VHOST" }],
    exchanges: [{ name: "SALE_ORDER_EXCHANGE", vhost: "SALE_VHOST", type: "topic" }],
    queues: [{ name: "SALE_ORDER_QUEUE", vhost: "SALE_VHOST", type: "quorum" }],
    bindings: [{ vhost: "SALE_VHOST", source: "SALE_ORDER_EXCHANGE", destination: "SALE_ORDER_QUEUE", routingKey: "order.*" }],
    policies: [],
    users: [{ name: "sale-app", permissions: [{ vhost: "SALE_VHOST", publishes: ["SALE_ORDER_EXCHANGE"], consumes: ["SALE_ORDER_QUEUE"] }] }],
  };
}

/** Builds topology files (file name -> raw content) the way the loader does. */
export function topologyOf(files: Record<string, Raw>, cluster: Pick<ClusterSpec, "defaultQueueType"> = { defaultQueueType: undefined }, tracing: string[] = []) {
  const locations = new Locations();
  const parsed = Object.entries(files).map(([file, raw]) => ({ file, data: topologyFileSchema.parse(raw) }));
  return { topology: buildTopology(parsed, cluster, tracing, locations), context: context(locations) };
}

/** A topology of the sale file changed by `change`. */
export function saleTopology(change: (file: Raw) => void = () => undefined) {
  const file = saleFile();
  change(file);
  return topologyOf({ "config/sale.yaml": file });
}

export function rawStack(): Raw {
  return {
    network: { name: "rabbitmq-ha-test", subnet: "172.28.9.0/24" },
    cluster: {
      version: "4.1",
      nodes: [
        { hostname: "rabbit-1", address: "172.28.9.11" },
        { hostname: "rabbit-2", address: "172.28.9.12" },
        { hostname: "rabbit-3", address: "172.28.9.13" },
      ],
    },
    loadBalancers: {
      virtualIp: "172.28.9.220",
      instances: [
        { name: "lb1", address: "172.28.9.21", state: "MASTER", priority: 150 },
        { name: "lb2", address: "172.28.9.22", state: "BACKUP", priority: 100 },
      ],
    },
    topology: { files: ["config/sale.yaml"] },
  };
}

/** The stack part of the model, from raw stack keys changed by `change`. */
export function stackOf(change: (stack: Raw) => void = () => undefined): CheckedStack {
  const raw = rawStack();
  change(raw);
  const hosts = buildHosts(raw.hosts && stackKeySchemas.hosts.parse(raw.hosts));
  const cluster = stackKeySchemas.cluster.parse(raw.cluster);
  const topology = stackKeySchemas.topology.parse(raw.topology);
  return {
    hosts,
    network: buildNetwork(stackKeySchemas.network.parse(raw.network), hosts),
    cluster: buildCluster(cluster, hosts),
    loadBalancers: buildLoadBalancers(stackKeySchemas.loadBalancers.parse(raw.loadBalancers), cluster.version, hosts),
    naming: buildNaming(raw.naming && stackKeySchemas.naming.parse(raw.naming)),
    tracing: topology.tracing,
  };
}
