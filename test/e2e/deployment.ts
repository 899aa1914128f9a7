/**
 * What the checks and fault scenarios need to know about a deployed e2e stack: where the VIP
 * is, the admin credentials the program handed its rabbitmq provider, and which container is
 * which node or load balancer (matched by the hostname the program declared).
 */
import type Docker from "dockerode";
import type { LoadBalancerSpec, Model, NodeType } from "../../model/types";
import type { ResourceState } from "../../engine/types";
import { dockerClient } from "../../engine/providers/docker/client";
import { ManagementEndpoint } from "../../engine/providers/rabbitmq/http";
import { AmqpTarget } from "./load/amqp";

export interface NodeHandle {
  readonly hostname: string;
  readonly erlangNode: string;
  readonly type: NodeType;
  readonly container: string;
}

export interface LbHandle {
  readonly name: string;
  readonly spec: LoadBalancerSpec;
  readonly container: string;
}

export interface Deployment {
  readonly stack: string;
  readonly model: Model;
  /**
   * The Docker engine a declared container runs on (by name or id): its host's, so checks and
   * faults reach containers on every host of a multi-host stack.
   */
  readonly dockerOf: (container: string) => Docker;
  readonly vip: string;
  /** The management API through the VIP, with the admin credentials. */
  readonly management: ManagementEndpoint;
  readonly nodes: readonly NodeHandle[];
  readonly lbs: readonly LbHandle[];
  readonly created: readonly ResourceState[];
  /** Stack outputs with secrets in clear (URLs with credentials): use them, never print them. */
  readonly outputs: Readonly<Record<string, unknown>>;
}

export const CONTAINER = "docker:index/container:Container";
export const RABBITMQ_PROVIDER = "pulumi:providers:rabbitmq";

export function deploymentOf(stack: string, model: Model, created: readonly ResourceState[], outputs: Record<string, unknown>): Deployment {
  const containers = created.filter((object) => object.type === CONTAINER);
  const containerFor = (hostname: string): string => {
    const match = containers.find((c) => c.inputs["hostname"] === hostname);
    if (!match) throw new Error(`no declared container has hostname ${hostname}`);
    return String(match.outputs["name"] ?? match.inputs["name"]);
  };
  const provider = created.find((object) => object.type === RABBITMQ_PROVIDER);
  if (!provider) throw new Error("the program declared no rabbitmq provider");
  return {
    stack,
    model,
    dockerOf: containerEngines(model, containers),
    vip: model.loadBalancers.virtualIp,
    management: {
      endpoint: `http://${model.loadBalancers.virtualIp}:15672`,
      username: String(provider.inputs["username"]),
      password: String(provider.inputs["password"]),
    },
    nodes: model.cluster.nodes.map((node) => ({
      hostname: node.hostname,
      erlangNode: `rabbit@${node.hostname}`,
      type: node.type,
      container: containerFor(node.hostname),
    })),
    lbs: model.loadBalancers.instances.map((spec) => ({ name: spec.name, spec, container: containerFor(spec.name) })),
    created,
    outputs,
  };
}

/** The admin's AMQP access through the VIP to one vhost. */
export function adminAmqp(deployment: Deployment, vhost: string): AmqpTarget {
  return {
    host: deployment.vip,
    port: 5672,
    vhost,
    username: deployment.management.username,
    password: deployment.management.password,
  };
}

/** A declared application user's AMQP access through the VIP (password as the program set it). */
export function userAmqp(deployment: Deployment, user: string, vhost: string): AmqpTarget {
  const declared = deployment.created.find((o) => o.type === "rabbitmq:index/user:User" && o.inputs["name"] === user);
  if (!declared) throw new Error(`the program declared no rabbitmq user ${user}`);
  return { host: deployment.vip, port: 5672, vhost, username: user, password: String(declared.inputs["password"]) };
}

export function createdOfType(deployment: Deployment, type: string): ResourceState[] {
  return deployment.created.filter((object) => object.type === type);
}


/** Which engine each declared container (by name and id) runs on, from the host the model places it on. */
function containerEngines(model: Model, containers: readonly ResourceState[]): (container: string) => Docker {
  const clients = new Map(model.hosts.map((host) => [host.name, dockerClient(host.url)]));
  const hostOf = new Map<string, string>([...model.cluster.nodes.map((n) => [n.hostname, n.host] as const), ...model.loadBalancers.instances.map((lb) => [lb.name, lb.host] as const)]);
  const engines = new Map<string, Docker>();
  for (const container of containers) {
    const client = clients.get(hostOf.get(String(container.inputs["hostname"])) ?? "");
    if (!client) continue;
    engines.set(String(container.outputs["name"] ?? container.inputs["name"]), client);
    engines.set(container.id, client);
  }
  return (container) => {
    const engine = engines.get(container);
    if (!engine) throw new Error(`${container} is no container the stack declared on one of its hosts`);
    return engine;
  };
}
