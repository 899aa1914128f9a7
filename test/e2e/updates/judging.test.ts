import { describe, expect, it } from "vitest";
import { heldThroughout, MAX_OUTAGE_SECONDS, nodesDownProblem, outageProblem, vipProblem } from "./judging";

const timeline = (longestGapMs: number, samples = 100) => ({ samples, longestGapMs, moves: 1, mostHoldersAtOnce: 1 });

describe("outage limit by kind of change", () => {
  it("is 5 s for node changes and 1 s for the others", () => {
    expect(MAX_OUTAGE_SECONDS).toEqual({ node: 5, loadBalancer: 1, topology: 1, secret: 1 });
  });

  it.each([
    ["node", 4.9, 90, undefined],
    ["node", 5, 90, "a new AMQP connection through the VIP failed for 5s (a node change allows under 5s)"],
    ["loadBalancer", 0.99, 90, undefined],
    ["loadBalancer", 1.2, 90, "a new AMQP connection through the VIP failed for 1.2s (a loadBalancer change allows under 1s)"],
    ["topology", 1, 90, "a new AMQP connection through the VIP failed for 1s (a topology change allows under 1s)"],
    ["secret", 0, 0, "the handshake probe made no attempt: nothing was measured"],
  ] as const)("%s change, %ss outage, %i handshakes", (kind, seconds, attempts, problem) => {
    expect(outageProblem(kind, seconds, attempts)).toBe(problem);
  });
});

describe("nodes down at once", () => {
  it.each([
    [1, 300, 3, undefined],
    [0, 300, 0, undefined],
    [2, 300, 3, "2 nodes were down at once (at most 1 allowed), in 300 samples"],
    [0, 300, 3, "the plan replaced or deleted 3 node container(s), yet none of 300 samples saw a node down"],
    [0, 0, 0, "the nodes-down monitor took no sample: nothing was measured"],
  ])("%i down in %i samples, %i nodes rolled", (most, samples, rolled, problem) => {
    expect(nodesDownProblem(most, samples, rolled)).toBe(problem);
  });
});

describe("the VIP had a holder throughout", () => {
  it.each([
    [timeline(0), "", undefined],
    [timeline(400), "", undefined],
    [timeline(401), "", "no load balancer held the VIP for 0.401s (a handover allows 0.4s), 100 samples, 1 moves"],
    [timeline(4_000, 0), "lb-a: no such container", "the VIP monitor took no sample during the update: nothing was measured (last monitor error: lb-a: no such container)"],
  ])("%j", (given, error, problem) => {
    expect(vipProblem(given, error)).toBe(problem);
    expect(heldThroughout(given)).toBe(problem === undefined);
  });
});
