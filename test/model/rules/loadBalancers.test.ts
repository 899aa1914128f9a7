import { describe, expect, it } from "vitest";
import { checkLoadBalancers } from "../../../model/rules/loadBalancers";
import { context, lines, stackOf, type Raw } from "../fixtures";

const check = (change: (stack: Raw) => void) => lines(checkLoadBalancers(stackOf(change).loadBalancers, context()));
const AT = "error Pulumi.test.yaml config.rabbitmq-ha:loadBalancers.";

describe("load balancer rules", () => {
  it.each<[string, (stack: Raw) => void]>([
    ["the default pair", () => undefined],
    ["sub-second adverts with VRRPv3", (s) => (s.loadBalancers.advertInterval = "200ms")],
    ["whole-second adverts with VRRPv2", (s) => Object.assign(s.loadBalancers, { vrrpVersion: 2, advertInterval: "2s" })],
    ["priority 254 with preemption", (s) => Object.assign(s.loadBalancers, { preempt: true }) && (s.loadBalancers.instances[0].priority = 254)],
    ["priority 253 without preemption", (s) => (s.loadBalancers.instances[0].priority = 253)],
    ["published ports on different host ports", (s) => s.loadBalancers.instances.forEach((lb: Raw, i: number) => (lb.publish = { amqp: 5672 + i }))],
  ])("accepts %s", (_, change) => {
    expect(check(change)).toEqual([]);
  });

  it.each<[string, (stack: Raw) => void, string[]]>([
    ["a third load balancer", (s) => s.loadBalancers.instances.push({ name: "lb3", address: "172.28.9.23", state: "BACKUP", priority: 50 }), [`${AT}instances: 3 load balancers (exactly two: one MASTER and one BACKUP)`]],
    ["two MASTERs", (s) => (s.loadBalancers.instances[1].state = "MASTER"), [`${AT}instances: 2 instances have state MASTER (exactly one MASTER; the other is BACKUP)`]],
    ["no MASTER", (s) => (s.loadBalancers.instances[0].state = "BACKUP"), [`${AT}instances: 0 instances have state MASTER (exactly one MASTER; the other is BACKUP)`]],
    [
      "a MASTER whose priority is not the highest",
      (s) => (s.loadBalancers.instances[1].priority = 150),
      [`${AT}instances[0].priority: MASTER "lb1" has priority 150, not above "lb2" (150) (the MASTER's priority must be strictly the highest)`],
    ],
    [
      "sub-second adverts with VRRPv2",
      (s) => Object.assign(s.loadBalancers, { vrrpVersion: 2, advertInterval: "500ms" }),
      [`${AT}advertInterval: 500ms with vrrpVersion 2 (VRRPv2 adverts are whole seconds from 1s to 255s; use vrrpVersion 3 for sub-second adverts)`],
    ],
    [
      "priority 254 without preemption",
      (s) => (s.loadBalancers.instances[0].priority = 254),
      [`${AT}instances[0].priority: 254 with preempt false (at most 253: an instance whose peer is silent climbs to 254, and a stalled holder at 254 would tie with it)`],
    ],
    ["an advert VRRPv3 cannot express", (s) => (s.loadBalancers.advertInterval = "1h"), [`${AT}advertInterval: 3600000ms with vrrpVersion 3 (VRRPv3 adverts are multiples of 10ms from 10ms to 40.95s)`]],
    [
      "both load balancers publishing one host port",
      (s) => s.loadBalancers.instances.forEach((lb: Raw) => (lb.publish = { amqp: 5672 })),
      [`${AT}instances[1].publish.amqp: host port 5672 on 0.0.0.0 is already published by "lb1" (amqp) on host "local" (one listener per host port)`],
    ],
  ])("refuses %s", (_, change, expected) => {
    expect(check(change)).toEqual(expected);
  });
});
