/**
 * A load-balancer container of a running deployment, as the operations on it see it: which
 * Docker engine runs it, its container name, and its own address on the cluster network (the
 * address Keepalived names as the VRRP master it hears).
 */
import type Docker from "dockerode";

export interface LoadBalancerTarget {
  /** The instance name of the model (lb1), for messages. */
  readonly name: string;
  readonly docker: Docker;
  /** Docker container name (rabbitmq-ha-<stack>-<instance>). */
  readonly container: string;
  /** Its fixed address on the cluster network (VRRP unicast source). */
  readonly address: string;
}
