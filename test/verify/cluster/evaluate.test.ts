import { describe, expect, test } from "vitest";
import { alarmsOutcome, expectedNodes, membershipOutcome, nodeTypesOutcome, partitionsOutcome } from "../../../verify/cluster/evaluate";
import type { ApiNode } from "../../../verify/management";
import { testModel } from "../support/model";

const healthy = (name: string, type = "disc"): ApiNode => ({ name, type, running: true, mem_alarm: false, disk_free_alarm: false, partitions: [] });
const stopped = (name: string, type = "ram"): ApiNode => ({ name, type, running: false });
const declared = [
  { name: "rabbit@disc1", type: "disc" as const },
  { name: "rabbit@ram1", type: "ram" as const },
  { name: "rabbit@ram2", type: "ram" as const },
];
const seed = [healthy("rabbit@disc1"), healthy("rabbit@ram1", "ram"), healthy("rabbit@ram2", "ram")];

test("expectedNodes names each declared node rabbit@<hostname>", () => {
  const model = testModel({
    nodes: [
      { hostname: "disc1", type: "disc", address: "10.99.0.11", host: "local", servesClients: false, limits: { memoryMiB: 1024, cpus: 1 } },
      { hostname: "ram1", type: "ram", address: "10.99.0.12", host: "local", servesClients: true, limits: { memoryMiB: 1024, cpus: 1 } },
    ],
  });
  expect(expectedNodes(model)).toEqual([{ name: "rabbit@disc1", type: "disc" }, { name: "rabbit@ram1", type: "ram" }]);
});

describe("membershipOutcome", () => {
  test.each([
    { case: "all running", nodes: seed, expected: declared, outcome: { status: "pass", detail: "3 of 3 running: rabbit@disc1, rabbit@ram1, rabbit@ram2" } },
    {
      case: "one stopped: degraded, not failed",
      nodes: [seed[0]!, stopped("rabbit@ram1"), seed[2]!],
      expected: declared,
      outcome: { status: "warn", detail: "degraded: rabbit@ram1 down (2 of 3 running: rabbit@disc1, rabbit@ram2)" },
    },
    {
      case: "a declared node never joined (it booted standalone)",
      nodes: [seed[0]!, seed[2]!],
      expected: declared,
      outcome: { status: "fail", detail: "rabbit@ram1 declared but not a cluster member (2 of 2 running)" },
    },
    {
      case: "a member nobody declared",
      nodes: [...seed, healthy("rabbit@stray")],
      expected: declared,
      outcome: { status: "fail", detail: "rabbit@stray is a member but not declared (4 of 4 running)" },
    },
    {
      case: "no model: every member is expected",
      nodes: [seed[0]!, stopped("rabbit@ram1")],
      expected: undefined,
      outcome: { status: "warn", detail: "degraded: rabbit@ram1 down (1 of 2 running: rabbit@disc1)" },
    },
  ])("$case", ({ nodes, expected, outcome }) => {
    expect(membershipOutcome(nodes, expected)).toEqual(outcome);
  });
});

describe("nodeTypesOutcome", () => {
  test.each([
    { case: "as declared", nodes: seed, expected: declared, outcome: { status: "pass", detail: "as declared: rabbit@disc1 disc, rabbit@ram1 ram, rabbit@ram2 ram" } },
    {
      case: "nothing declared: a skip with its reason, not a pass",
      nodes: seed,
      expected: undefined,
      outcome: { status: "skip", detail: "no stack model to compare node types with (--stack); found rabbit@disc1 disc, rabbit@ram1 ram, rabbit@ram2 ram" },
    },
    {
      case: "a RAM node that came up as a disc node",
      nodes: [seed[0]!, healthy("rabbit@ram1", "disc"), seed[2]!],
      expected: declared,
      outcome: { status: "fail", detail: "rabbit@ram1 is disc, declared ram" },
    },
    {
      case: "a stopped node without a type is not judged",
      nodes: [seed[0]!, { name: "rabbit@ram1", running: false }],
      expected: declared,
      outcome: { status: "pass", detail: "as declared: rabbit@disc1 disc, rabbit@ram1 unknown" },
    },
  ])("$case", ({ nodes, expected, outcome }) => {
    expect(nodeTypesOutcome(nodes, expected)).toEqual(outcome);
  });
});

describe("alarmsOutcome and partitionsOutcome", () => {
  test.each([
    { case: "quiet", nodes: seed, outcome: { status: "pass", detail: "no memory or disk alarm on 3 running nodes" } },
    {
      case: "memory and disk alarms",
      nodes: [{ ...seed[0]!, mem_alarm: true }, { ...seed[1]!, disk_free_alarm: true }],
      outcome: { status: "fail", detail: "rabbit@disc1 memory alarm (mem_alarm); rabbit@ram1 disk alarm (disk_free_alarm): publishers are blocked" },
    },
    {
      case: "a node that has not reported yet",
      nodes: [seed[0]!, { name: "rabbit@ram1", type: "ram", running: true }],
      outcome: { status: "warn", detail: "not reported yet by rabbit@ram1; no memory or disk alarm on the other 1" },
    },
    { case: "a stopped node does not count", nodes: [seed[0]!, stopped("rabbit@ram1")], outcome: { status: "pass", detail: "no memory or disk alarm on 1 running node" } },
  ])("alarms: $case", ({ nodes, outcome }) => {
    expect(alarmsOutcome(nodes)).toEqual(outcome);
  });

  test.each([
    { case: "none", nodes: seed, outcome: { status: "pass", detail: "no network partition on 3 running nodes" } },
    {
      case: "split",
      nodes: [{ ...seed[0]!, partitions: ["rabbit@ram1", "rabbit@ram2"] }, seed[1]!],
      outcome: { status: "fail", detail: "rabbit@disc1 cannot see rabbit@ram1, rabbit@ram2" },
    },
  ])("partitions: $case", ({ nodes, outcome }) => {
    expect(partitionsOutcome(nodes)).toEqual(outcome);
  });
});
