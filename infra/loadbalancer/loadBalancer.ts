/**
 * One load balancer: HAProxy and Keepalived in ONE container (templates/loadbalancer).
 *
 * Why one container, not HAProxy plus a Keepalived sharing its network namespace: the VIP sits
 * on this container's eth0, and the image's supervisor stops the other process and exits when
 * either dies. So a SIGKILLed Keepalived or a dead HAProxy takes the container's namespace, and
 * the VIP with it, down: two holders of the VIP cannot happen, and the peer takes over. And an
 * HAProxy restart is a container restart, which brings both back up in one fresh namespace:
 * Keepalived is never stranded with only `lo`, as it was when it joined HAProxy's namespace
 * and HAProxy's container was recreated (both hazards seen in the hand-built lab).
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterSpec, LoadBalancerPairSpec, LoadBalancerSpec } from "../../model/types";
import type { HaproxySecrets } from "../../render/haproxyCfg";
import type { TlsSpec } from "../../model/tls/spec";
import { loadBalancerFiles } from "../../render/loadBalancerFiles";
import { cpusInput } from "../../model/limits";
import { dockerObjectName, labelList } from "../labels";
import { uploadsOf } from "../uploads";
import { containerNetwork } from "../containerNetwork";
import { LOADBALANCER_STOP_GRACE_SECONDS, type LoadBalancerHooks } from "./loadBalancerHooks";
import { LOADBALANCER_HEALTHCHECK, LOADBALANCER_WAIT_TIMEOUT_SECONDS, publishedPorts } from "./loadBalancerHealth";

export interface LoadBalancerArgs {
  readonly pair: LoadBalancerPairSpec;
  readonly instance: LoadBalancerSpec;
  readonly cluster: ClusterSpec;
  readonly stack: string;
  readonly image: pulumi.Input<string>;
  /** The bridge network; undefined with host networking (several Docker hosts). */
  readonly networkName: pulumi.Input<string> | undefined;
  readonly provider: docker.Provider;
  readonly secrets: pulumi.Output<HaproxySecrets>;
  /** rabbitmq-ha:tls; off when absent. */
  readonly tls?: TlsSpec;
  /** Healthy cluster nodes (HAProxy starts with backends that answer), and the peer replaced before this one. */
  readonly dependsOn: pulumi.Input<pulumi.Input<pulumi.Resource>[]>;
  readonly hooks: LoadBalancerHooks;
}

export class LoadBalancer extends pulumi.ComponentResource {
  public readonly container: docker.Container;

  constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:loadbalancer:LoadBalancer", name, {}, opts);
    const { instance, stack } = args;
    this.container = new docker.Container(
      `${name}-container`,
      {
        name: dockerObjectName(stack, instance.name),
        image: args.image,
        hostname: instance.name,
        ...containerNetwork(args.networkName, instance.address, instance.name),
        // Adding the VIP to eth0 and sending VRRP adverts; nothing more. Written as the Docker
        // client sends and the provider reads them back (CAP_ prefix, sorted): `NET_ADMIN` would
        // differ from its own read-back and replace both load balancers on every `pulumi up`.
        capabilities: { adds: ["CAP_NET_ADMIN", "CAP_NET_RAW"] },
        ports: publishedPorts(instance.publish),
        uploads: uploadsOf(loadBalancerFiles(args.pair, instance, args.cluster, stack, args.tls), args.secrets),
        restart: "unless-stopped",
        memory: args.pair.limits.memoryMiB,
        cpus: cpusInput(args.pair.limits),
        labels: [...labelList(stack, "loadbalancer"), { label: "rabbitmq-ha.vrrp-priority", value: String(instance.priority) }],
        healthcheck: LOADBALANCER_HEALTHCHECK,
        wait: true,
        waitTimeout: LOADBALANCER_WAIT_TIMEOUT_SECONDS,
        // The provider's delete stops with this grace, else it kills at once (SIGKILL): a
        // killed Keepalived sends no priority-0 advert, so the peer would wait out three
        // adverts plus skew. SIGTERM lets the supervisor (entrypoint.sh) stop Keepalived first.
        // State-only: changing it replaces nothing. No `stopTimeout`: it forces a replacement,
        // and Docker's default 10 s already covers the supervisor for a plain `docker stop`.
        destroyGraceSeconds: LOADBALANCER_STOP_GRACE_SECONDS,
      },
      {
        parent: this,
        provider: args.provider,
        dependsOn: args.dependsOn,
        // The VIP holder hands over before its delete; a new container counts only once ready.
        hooks: { beforeDelete: [args.hooks.handOver], afterCreate: [args.hooks.awaitReady] },
      },
    );
    this.registerOutputs({ container: this.container.id });
  }
}
