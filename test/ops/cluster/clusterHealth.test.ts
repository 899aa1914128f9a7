import { describe, expect, it } from "vitest";
import { parseClusterStatus, rejoinProblems, underMaintenance } from "../../../ops/cluster/clusterHealth";

// Shapes as printed by `rabbitmq-diagnostics -q cluster_status --formatter json` (fields trimmed).
const healthy310 = {
  alarms: [],
  disk_nodes: ["rabbit@disc1"],
  ram_nodes: ["rabbit@ram1", "rabbit@ram2"],
  running_nodes: ["rabbit@ram2", "rabbit@ram1", "rabbit@disc1"],
  partitions: {},
  maintenance_status: { "rabbit@disc1": "not under maintenance", "rabbit@ram1": "not under maintenance" },
};
const healthy43 = { alarms: [], disk_nodes: ["rabbit@m1", "rabbit@m2", "rabbit@m3"], running_nodes: ["rabbit@m1", "rabbit@m2", "rabbit@m3"], partitions: {} };

describe("rejoinProblems", () => {
  it("finds none when the node is a member and every member runs (3.x with RAM nodes, 4.x without)", () => {
    expect(rejoinProblems(healthy310, "rabbit@ram1")).toEqual([]);
    expect(rejoinProblems(healthy43, "rabbit@m2")).toEqual([]);
  });

  it.each([
    ["not a member", { ...healthy43 }, "rabbit@m4", ["rabbit@m4 is not a cluster member (members: rabbit@m1, rabbit@m2, rabbit@m3)"]],
    ["a member down", { ...healthy43, running_nodes: ["rabbit@m1", "rabbit@m2"] }, "rabbit@m1", ["members not running: rabbit@m3"]],
    ["a partition", { ...healthy43, partitions: { "rabbit@m1": ["rabbit@m3"] } }, "rabbit@m1", ['network partitions reported: {"rabbit@m1":["rabbit@m3"]}']],
    ["an alarm", { ...healthy43, alarms: [{ type: "disk", node: "rabbit@m2" }] }, "rabbit@m1", ['alarms in effect: [{"type":"disk","node":"rabbit@m2"}]']],
  ])("names %s", (_what, status, node, problems) => {
    expect(rejoinProblems(status, node)).toEqual(problems);
  });
});

describe("underMaintenance", () => {
  it("is true only for a node reported in maintenance", () => {
    expect(underMaintenance(healthy310, "rabbit@disc1")).toBe(false);
    expect(underMaintenance({ maintenance_status: { "rabbit@a": "under maintenance" } }, "rabbit@a")).toBe(true);
    expect(underMaintenance(healthy43, "rabbit@m1")).toBe(false);
  });
});

describe("parseClusterStatus", () => {
  it("skips what the CLI prints before the JSON document", () => {
    expect(parseClusterStatus(`warning: something\n${JSON.stringify(healthy43)}`)).toEqual(healthy43);
  });

  it("says what it got when there is no JSON", () => {
    expect(() => parseClusterStatus("Error: unable to perform an operation on node")).toThrow("cluster_status printed no JSON: Error: unable to perform an operation on node");
  });
});
