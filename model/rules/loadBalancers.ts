/**
 * The Keepalived pair: exactly two instances, exactly one MASTER whose priority is strictly the
 * highest, an advert interval the VRRP version can express, no two listeners published on
 * the same host port, and, without preemption, priorities below 254 (an instance whose peer has
 * gone silent climbs to 254: a stalled holder already at 254 would tie with it; render/keepalivedConf.ts).
 */
import type { LoadBalancerPairSpec } from "../types";
import { error, inStack, type Finding, type RuleContext } from "./finding";

export function checkLoadBalancers(pair: LoadBalancerPairSpec, context: RuleContext): Finding[] {
  const at = (...path: (string | number)[]) => inStack(context, "loadBalancers", ...path);
  const findings: Finding[] = [];
  const { instances } = pair;
  if (instances.length !== 2) {
    findings.push(error(at("instances"), `${instances.length} load balancer${instances.length === 1 ? "" : "s"} (exactly two: one MASTER and one BACKUP)`));
  }
  const masters = instances.flatMap((lb, i) => (lb.state === "MASTER" ? [i] : []));
  if (masters.length !== 1) {
    findings.push(error(at("instances"), `${masters.length} instances have state MASTER (exactly one MASTER; the other is BACKUP)`));
  }
  const masterIndex = masters.length === 1 ? (masters[0] as number) : -1;
  const master = instances[masterIndex];
  instances.forEach((lb, i) => {
    if (master && i !== masterIndex && lb.priority >= master.priority) {
      findings.push(
        error(at("instances", masterIndex, "priority"), `MASTER "${master.name}" has priority ${master.priority}, not above "${lb.name}" (${lb.priority}) (the MASTER's priority must be strictly the highest)`),
      );
    }
  });
  if (!pair.preempt) {
    instances.forEach((lb, i) => {
      if (lb.priority >= 254) {
        findings.push(error(at("instances", i, "priority"), `${lb.priority} with preempt false (at most 253: an instance whose peer is silent climbs to 254, and a stalled holder at 254 would tie with it)`));
      }
    });
  }
  findings.push(...advertProblems(pair).map((message) => error(at("advertInterval"), message)));
  findings.push(...publishedPortClashes(pair, context));
  return findings;
}

/** keepalived: VRRPv2 adverts are whole seconds 1-255; VRRPv3 centiseconds up to 40.95 s. */
function advertProblems(pair: LoadBalancerPairSpec): string[] {
  const ms = pair.advertIntervalMs;
  if (pair.vrrpVersion === 2 && (ms % 1000 !== 0 || ms < 1000 || ms > 255_000)) {
    return [`${ms}ms with vrrpVersion 2 (VRRPv2 adverts are whole seconds from 1s to 255s; use vrrpVersion 3 for sub-second adverts)`];
  }
  if (pair.vrrpVersion === 3 && (ms % 10 !== 0 || ms < 10 || ms > 40_950)) {
    return [`${ms}ms with vrrpVersion 3 (VRRPv3 adverts are multiples of 10ms from 10ms to 40.95s)`];
  }
  return [];
}

function publishedPortClashes(pair: LoadBalancerPairSpec, context: RuleContext): Finding[] {
  const taken = new Map<string, string>();
  const findings: Finding[] = [];
  pair.instances.forEach((lb, i) => {
    for (const listener of ["amqp", "management", "stats"] as const) {
      const port = lb.publish?.[listener];
      if (port === undefined || !lb.publish) continue;
      const key = `${lb.host}|${lb.publish.bindAddress}|${port}`;
      const holder = taken.get(key);
      const where = inStack(context, "loadBalancers", "instances", i, "publish", listener);
      if (holder) findings.push(error(where, `host port ${port} on ${lb.publish.bindAddress} is already published by ${holder} on host "${lb.host}" (one listener per host port)`));
      else taken.set(key, `"${lb.name}" (${listener})`);
    }
  });
  return findings;
}
