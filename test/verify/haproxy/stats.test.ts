import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { answeringNode, backendsOutcome, isServing, parseStatsCsv, type StatsRow } from "../../../verify/haproxy/stats";

/** Captured from a real haproxy 2.6.12 (Debian bookworm): a stats listener, two backends, one server down in each. */
const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures", name), "utf8");

describe("answeringNode", () => {
  const page = fixture("haproxy-2.6-stats-show-node.html");
  const heading = "<h2>Statistics Report for pid 8852 on lb1</h2>";
  // The same page's heading as haproxy 2.6 printed it with `stats show-desc`, and without `stats show-node`.
  test.each([
    { config: "stats show-node", line: heading, node: "lb1" },
    { config: "stats show-node + show-desc", line: "<h2>Statistics Report for pid 2942 on lb1: primary load balancer</h2>", node: "lb1" },
    { config: "neither", line: "<h2>Statistics Report for pid 3227</h2>", node: undefined },
  ])("$config: $node", ({ line, node }) => {
    expect(page).toContain(heading);
    expect(answeringNode(page.replace(heading, line))).toBe(node);
  });
});

describe("parseStatsCsv", () => {
  test("reads proxy, service and status of every row of a real CSV", () => {
    expect(parseStatsCsv(fixture("haproxy-2.6-stats.csv"))).toEqual([
      { proxy: "stats", service: "FRONTEND", status: "OPEN" },
      { proxy: "stats", service: "BACKEND", status: "UP" },
      { proxy: "amqp", service: "rabbit-ram1", status: "UP" },
      { proxy: "amqp", service: "rabbit-ram2", status: "DOWN" },
      { proxy: "amqp", service: "BACKEND", status: "UP" },
      { proxy: "management", service: "rabbit-disc1", status: "UP" },
      { proxy: "management", service: "rabbit-ram1", status: "DOWN" },
      { proxy: "management", service: "BACKEND", status: "UP" },
      { proxy: "fe_amqp", service: "FRONTEND", status: "OPEN" },
    ]);
  });

  test("refuses a page that is not HAProxy's CSV", () => {
    expect(() => parseStatsCsv("<html>login</html>")).toThrow("the stats CSV has no pxname, svname and status columns (is this an HAProxy stats page?)");
  });
});

test.each([
  ["UP", true], ["UP 1/3", true], ["no check", true], ["DOWN", false], ["DOWN 1/2", false], ["MAINT", false], ["DRAIN", false], ["NOLB", false],
])("isServing(%s) is %s", (status, serving) => {
  expect(isServing(status)).toBe(serving);
});

describe("backendsOutcome", () => {
  const row = (proxy: string, service: string, status: string): StatsRow => ({ proxy, service, status });
  const listener = [row("stats", "FRONTEND", "OPEN"), row("stats", "BACKEND", "UP")];
  test.each([
    {
      case: "every server up",
      rows: [...listener, row("amqp", "r1", "UP"), row("amqp", "r2", "UP"), row("amqp", "BACKEND", "UP")],
      outcome: { status: "pass", detail: "amqp 2/2 servers up" },
    },
    {
      case: "the captured page: one server down per backend",
      rows: parseStatsCsv(fixture("haproxy-2.6-stats.csv")),
      outcome: { status: "warn", detail: "degraded: amqp 1/2 servers up (rabbit-ram2 DOWN); management 1/2 servers up (rabbit-ram1 DOWN)" },
    },
    {
      case: "a backend with no server left",
      rows: [row("amqp", "r1", "DOWN"), row("amqp", "BACKEND", "DOWN"), row("mgmt", "r1", "UP")],
      outcome: { status: "fail", detail: "backend down: amqp 0/1 servers up (r1 DOWN)" },
    },
    { case: "no backend at all", rows: listener, outcome: { status: "fail", detail: "the stats list no backend with servers" } },
    {
      case: "the VIP state backend down (this load balancer does not hold the VIP): not a client backend",
      rows: [...listener, row("amqp", "r1", "UP"), row("amqp", "BACKEND", "UP"), row("vip_state", "held_here", "DOWN"), row("vip_state", "BACKEND", "DOWN")],
      outcome: { status: "pass", detail: "amqp 1/1 servers up" },
    },
  ])("$case", ({ rows, outcome }) => {
    expect(backendsOutcome(rows)).toEqual(outcome);
  });
});
