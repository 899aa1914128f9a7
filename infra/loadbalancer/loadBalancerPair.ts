/**
 * The two load balancers in front of the cluster and the VIP they share (see loadBalancer.ts
 * for why each is one container). The image is built on each load-balancer host from
 * templates/loadbalancer on the stack's HAProxy image and never pushed, unless the stack names a
 * prebuilt one (loadBalancers.image).
 *
 * A change that replaces them (any file, the image) must never leave the VIP without a holder.
 * Docker containers are delete-before-replace and independent replacements run in parallel
 * (pulumi/pulumi step_generator.go, step_executor.go), so without more both would go at once.
 * Hence a dependsOn chain: each container is registered only once its predecessor's steps,
 * after-hooks included, have finished (the SDK awaits a dependency's URN, which resolves when
 * the engine answers its RegisterResource). The order comes from the running deployment: the
 * VIP holder last (ops/loadBalancer/replacementOrder.ts says why). dependsOn never cascades a
 * replacement and a changed dependsOn alone plans no update, so a chain that flips direction
 * after a hand-over costs nothing. The hooks (loadBalancerHooks.ts) gate each step.
 */
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterSpec, LoadBalancerPairSpec } from "../../model/types";
import type { HaproxySecrets } from "../../render/haproxyCfg";
import type { TlsSpec } from "../../model/tls/spec";
import type { DockerHosts } from "../dockerHosts";
import { dockerLabels } from "../labels";
import type { ClusterNetwork } from "../network";
import { PerHost } from "../perHost";
import { currentReplacementOrder } from "../../ops/loadBalancer/currentOrder";
import { predecessorIn } from "../../ops/loadBalancer/replacementOrder";
import { LOADBALANCER_CONTEXT, contextDigest, loadBalancerImageName } from "./imageContext";
import { LoadBalancer } from "./loadBalancer";
import { loadBalancerHooks, loadBalancerTargets } from "./loadBalancerHooks";

export interface LoadBalancerPairArgs {
  readonly pair: LoadBalancerPairSpec;
  readonly cluster: ClusterSpec;
  readonly stack: string;
  readonly network: ClusterNetwork;
  readonly hosts: DockerHosts;
  readonly statsPassword: pulumi.Output<string>;
  /** With rabbitmq-ha:tls on: the spec and the CA HAProxy checks the nodes with. */
  readonly tls?: { readonly spec: TlsSpec; readonly caCertificate: pulumi.Output<string> };
  /** What must be healthy first (the cluster's node containers). */
  readonly dependsOn: pulumi.Input<pulumi.Resource>[];
}

export interface LoadBalancerAddress {
  readonly name: string;
  readonly address: string;
}

export class LoadBalancerPair extends pulumi.ComponentResource {
  /** Both load-balancer containers, healthy once created. */
  public readonly ready: pulumi.Resource[];
  public readonly addresses: pulumi.Output<LoadBalancerAddress[]>;

  constructor(name: string, args: LoadBalancerPairArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:loadbalancer:LoadBalancerPair", name, {}, opts);
    const { pair, cluster, stack, hosts } = args;
    // HAProxy holds no RabbitMQ credential: its checks are node-local and unauthenticated.
    const tls = args.tls?.spec.enabled ? args.tls : undefined;
    const secrets: pulumi.Output<HaproxySecrets> = pulumi.secret(
      tls
        ? pulumi.all([args.statsPassword, tls.caCertificate]).apply(([statsPassword, caCertificate]) => ({ statsPassword, caCertificate }))
        : args.statsPassword.apply((statsPassword) => ({ statsPassword })),
    );

    const images = new PerHost("load-balancer image", pair.instances.map((i) => i.host), (host) =>
      new docker.RemoteImage(`${name}-image-${host}`, loadBalancerImageArgs(pair, stack), { parent: this, provider: hosts.providerFor(host) }),
    );

    const targets = loadBalancerTargets(pair, (host) => hosts.urlOf(host), stack);
    // Created once, before any container and whatever exists: hooks are found by name.
    const hooks = loadBalancerHooks(targets, pair.virtualIp);
    // Only `up` executes the chain; a preview (and render) shows the same steps in any order,
    // so it does not ask Docker (render must work with no engine at all).
    const order = pulumi.runtime.isDryRun() ? Promise.resolve(pair.instances.map((i) => i.name)) : currentReplacementOrder(targets, pair.virtualIp);
    const containers = new Map<string, docker.Container>();
    const after = (instance: string): Promise<pulumi.Input<pulumi.Resource>[]> =>
      order.then((o) => {
        const previous = predecessorIn(o, instance);
        return previous === undefined ? args.dependsOn : [...args.dependsOn, containers.get(previous) as docker.Container];
      });

    const balancers = pair.instances.map(
      (instance) =>
        new LoadBalancer(
          `${name}-${instance.name}`,
          {
            pair,
            instance,
            cluster,
            stack,
            image: images.get(instance.host).imageId,
            networkName: args.network.nameOn(instance.host),
            provider: hosts.providerFor(instance.host),
            secrets,
            ...(tls ? { tls: tls.spec } : {}),
            dependsOn: after(instance.name),
            hooks,
          },
          { parent: this },
        ),
    );
    balancers.forEach((b, i) => containers.set(pair.instances[i]?.name ?? "", b.container));

    this.ready = balancers.map((b) => b.container);
    this.addresses = pulumi.output(pair.instances.map((i) => ({ name: i.name, address: i.address })));
    this.registerOutputs({ addresses: this.addresses });
  }
}

/**
 * The image on each load-balancer host: a prebuilt one used as it is (the provider pulls it when
 * missing), or templates/loadbalancer built there on the stack's HAProxy image.
 */
function loadBalancerImageArgs(pair: LoadBalancerPairSpec, stack: string): docker.RemoteImageArgs {
  // Keep the image when the stack goes away: other stacks on the host may run it.
  if (pair.prebuiltImage !== undefined) return { name: pair.prebuiltImage, keepLocally: true };
  return {
    name: loadBalancerImageName(pair.haproxyImage),
    build: {
      context: LOADBALANCER_CONTEXT,
      dockerfile: "Dockerfile",
      buildArgs: { HAPROXY_IMAGE: pair.haproxyImage },
      // `label`: the provider builds with buildx by default, which reads `label` and
      // ignores `labels` (terraform-provider-docker docker_buildx_build.go).
      label: dockerLabels(stack, "image"),
    },
    // Rebuild when the context changes (the provider does not look inside it).
    triggers: { context: contextDigest() },
    keepLocally: true,
  };
}
