import { describe, expect, it } from "vitest";
import { summariseVip } from "../../../ops/loadBalancer/vipWatch";

const at = (ms: number, ...holders: string[]) => ({ at: ms, holders });

describe("summariseVip", () => {
  it("one hand-over without a gap: one move, nothing missed", () => {
    expect(summariseVip([at(0, "lb1"), at(50, "lb1"), at(100, "lb2"), at(150, "lb2")])).toEqual({
      samples: 4, moves: 1, samplesWithoutHolder: 0, longestWithoutHolderMs: 0, samplesWithSeveral: 0, sequence: ["lb1", "lb2"],
    });
  });

  it("a gap is bounded by the holding samples around it", () => {
    const t = summariseVip([at(0, "lb1"), at(40, "lb1"), at(90), at(140), at(200, "lb2"), at(260), at(300, "lb2")]);
    expect(t.samplesWithoutHolder).toBe(3);
    expect(t.longestWithoutHolderMs).toBe(160);
    expect(t.moves).toBe(1);
  });

  it("the same holder after a gap is no move; two holders count as a split brain", () => {
    const t = summariseVip([at(0, "lb1"), at(50), at(100, "lb1"), at(150, "lb1", "lb2"), at(200, "lb1")]);
    expect([t.moves, t.samplesWithSeveral, t.sequence]).toEqual([0, 1, ["lb1"]]);
  });
});
