/**
 * The resource hooks that keep the VIP held while the load-balancer containers are replaced.
 *
 * - beforeDelete `handOver`: a container about to be deleted (alone, or as the delete half of a
 *   delete-before-replace replacement) that holds the VIP first hands it to a ready peer
 *   (ops/loadBalancer/handOver.ts); a non-holder is deleted as is.
 * - afterCreate `awaitReady`: a new container counts as created only once its HAProxy reaches a
 *   broker and its Keepalived holds the VIP or is BACKUP hearing a peer's adverts, so the next
 *   container in the chain (loadBalancerPair.ts) is not touched before.
 *
 * Engine behaviour relied on (pulumi/pulumi v3.2xx): step.go runs the old state's beforeDelete
 * hooks before a replacement's delete and afterCreate after its create; a failing before-hook
 * fails the step before the provider is called; hooks are found by NAME among those the current
 * program run registered (deployment.go RunHooks). So both are constructed once per program run
 * with stable names, whatever resources exist, and capture only the model (instance names,
 * hosts, addresses), never a resource.
 */
import * as pulumi from "@pulumi/pulumi";
import type { LoadBalancerPairSpec } from "../../model/types";
import { dockerClient, dockerHostOf } from "../../ops/docker";
import { handOver } from "../../ops/loadBalancer/handOver";
import { awaitReady } from "../../ops/loadBalancer/readiness";
import type { LoadBalancerTarget } from "../../ops/loadBalancer/target";
import { dockerObjectName } from "../labels";
import { isTeardown } from "../teardown";

/** Grace `docker stop` gives a load balancer (entrypoint.sh: Keepalived up to 3 s, HAProxy up to 2 + 1 + 1 s). */
export const LOADBALANCER_STOP_GRACE_SECONDS = 10;

export interface LoadBalancerHooks {
  readonly handOver: pulumi.ResourceHook;
  readonly awaitReady: pulumi.ResourceHook;
}

/** The pair's containers as ops/ addresses them, from the model alone. */
export function loadBalancerTargets(pair: LoadBalancerPairSpec, urlOf: (host: string) => string | undefined, stack: string): LoadBalancerTarget[] {
  return pair.instances.map((i) => ({
    name: i.name,
    docker: dockerClient(dockerHostOf(urlOf(i.host))),
    container: dockerObjectName(stack, i.name),
    address: i.address,
  }));
}

export function loadBalancerHooks(targets: readonly LoadBalancerTarget[], vip: string): LoadBalancerHooks {
  // The hooked container by its Docker name; one no longer in the config (an instance removed)
  // is looked for on the first instance's engine, with no model address (it is not a master anyone must hear).
  const targetOf = (args: pulumi.ResourceHookArgs): LoadBalancerTarget => {
    const container = String((args.oldOutputs ?? args.newOutputs ?? {})["name"] ?? "");
    const known = targets.find((t) => t.container === container);
    const first = targets[0];
    if (known) return known;
    if (!first) throw new Error(`load balancer container ${container}: no load balancer in the config to find its Docker engine`);
    return { name: container, docker: first.docker, container, address: "" };
  };
  const peersOf = (target: LoadBalancerTarget) => targets.filter((t) => t.container !== target.container);

  return {
    handOver: new pulumi.ResourceHook("rabbitmq-ha-loadbalancer-hand-over-vip", async (args) => {
      if (isTeardown()) return; // the whole stack goes: no client is to keep its VIP
      const holder = targetOf(args);
      const done = await handOver(holder, peersOf(holder), vip, {
        peerReadyMs: 120_000,
        stopGraceSeconds: LOADBALANCER_STOP_GRACE_SECONDS,
        takeOverMs: 10_000,
      });
      pulumi.log.info(done);
    }),
    awaitReady: new pulumi.ResourceHook("rabbitmq-ha-loadbalancer-await-ready", async (args) => {
      const created = targetOf(args);
      await awaitReady(created, peersOf(created), vip, 120_000);
    }),
  };
}
