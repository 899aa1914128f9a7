/**
 * Cluster membership through the VIP's management API: every configured node is a running
 * member of the given type (disc/ram), and no other node is.
 */
import { Check, expect } from "./types";
import type { Deployment } from "../deployment";
import { management } from "../../../engine/providers/rabbitmq/http";

interface ApiNode {
  readonly name: string;
  readonly type: string;
  readonly running: boolean;
}

/** Differences between the live cluster and the configured nodes; empty when they agree. */
export async function membershipProblems(deployment: Deployment): Promise<string[]> {
  const nodes = (await management(deployment.management, "GET", "/api/nodes")).body as ApiNode[];
  const problems: string[] = [];
  for (const expected of deployment.nodes) {
    const live = nodes.find((node) => node.name === expected.erlangNode);
    if (!live) problems.push(`${expected.erlangNode} is not a member`);
    else if (!live.running) problems.push(`${expected.erlangNode} is not running`);
    else if (live.type !== expected.type) problems.push(`${expected.erlangNode} is ${live.type}, configured ${expected.type}`);
  }
  const extra = nodes.filter((node) => !deployment.nodes.some((n) => n.erlangNode === node.name));
  for (const node of extra) problems.push(`unexpected member ${node.name}`);
  return problems;
}

export const clusterMembers: Check = {
  name: "cluster members and node types",
  run: async (deployment) => {
    const problems = await membershipProblems(deployment);
    expect(problems.length === 0, problems.join("; "));
    return deployment.nodes.map((node) => `${node.hostname}=${node.type}`).join(", ");
  },
};

export const managementThroughVip: Check = {
  name: "management API answers through the VIP",
  run: async (deployment) => {
    const overview = (await management(deployment.management, "GET", "/api/overview")).body as Record<string, unknown>;
    expect(typeof overview["rabbitmq_version"] === "string", `no rabbitmq_version in /api/overview`);
    expect(
      String(overview["rabbitmq_version"]).startsWith(deployment.model.cluster.version),
      `RabbitMQ ${String(overview["rabbitmq_version"])} answers, the stack configures ${deployment.model.cluster.version}`,
    );
    return `RabbitMQ ${String(overview["rabbitmq_version"])}, cluster ${String(overview["cluster_name"])} at ${deployment.management.endpoint}`;
  },
};
