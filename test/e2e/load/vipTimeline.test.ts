import { describe, expect, it } from "vitest";
import { STALE_MS, type VipSample, longestUncovered, vipTimeline } from "./vipTimeline";

/** Samples of one container every 100 ms from `fromMs` (inclusive) to `toMs` (exclusive). */
function every100(container: string, fromMs: number, toMs: number, holds: boolean): VipSample[] {
  const samples: VipSample[] = [];
  for (let at = fromMs; at < toMs; at += 100) samples.push({ atMs: at, container, holds });
  return samples;
}

const window = { fromMs: 1_000, toMs: 5_000 };

describe("vipTimeline: who held the VIP, from the monitor's samples", () => {
  it("one holder throughout: no gap, no move", () => {
    const samples = [...every100("lb-a", 500, 5_200, true), ...every100("lb-b", 550, 5_200, false)];
    expect(vipTimeline(samples, window)).toEqual({ samples: 81, longestGapMs: 0, moves: 0, mostHoldersAtOnce: 1 });
  });

  it("a handover: the old holder's last holding sample stands until its next sample, the new one takes over within an interval", () => {
    const samples = [...every100("lb-a", 500, 3_000, true), ...every100("lb-a", 3_000, 5_200, false), ...every100("lb-b", 550, 3_050, false), ...every100("lb-b", 3_050, 5_200, true)];
    expect(vipTimeline(samples, window)).toEqual({ samples: 81, longestGapMs: 50, moves: 1, mostHoldersAtOnce: 1 });
  });

  it("both load balancers replaced at once: the gap lasts until a new container holds the VIP", () => {
    const samples = [
      ...every100("lb-a", 500, 2_000, true),
      { atMs: 2_030, container: "lb-a", holds: false }, // its stream ended: the container went away
      ...every100("lb-b", 550, 2_050, false),
      { atMs: 2_060, container: "lb-b", holds: false },
      ...every100("lb-a", 3_400, 3_900, false), // recreated, not yet holding
      ...every100("lb-a", 3_900, 5_200, true),
    ];
    const timeline = vipTimeline(samples, window);
    expect(timeline.longestGapMs).toBe(3_900 - 2_030);
    expect(timeline.moves).toBe(0);
  });

  it("a container that stops reporting holds nothing once its last sample is stale", () => {
    const samples = every100("lb-a", 500, 2_000, true);
    expect(vipTimeline(samples, window).longestGapMs).toBe(5_000 - (1_900 + STALE_MS));
  });

  it("a monitor slowed past STALE_MS between two holding samples of the same container: no gap", () => {
    const samples = [...every100("lb-a", 500, 2_000, true), ...every100("lb-a", 3_900, 5_200, true)];
    expect(vipTimeline(samples, window).longestGapMs).toBe(0);
  });

  it("holding, then a slow monitor, then not holding: the holding sample stands only STALE_MS", () => {
    const samples = [...every100("lb-a", 500, 2_000, true), ...every100("lb-a", 3_900, 5_200, false), ...every100("lb-b", 4_000, 5_200, true)];
    expect(vipTimeline(samples, window).longestGapMs).toBe(4_000 - (1_900 + STALE_MS));
  });

  it("no samples at all: the whole window is a gap, with 0 samples", () => {
    expect(vipTimeline([], window)).toEqual({ samples: 0, longestGapMs: 4_000, moves: 0, mostHoldersAtOnce: 0 });
  });

  it("samples only after the window began: the start is a gap", () => {
    expect(vipTimeline(every100("lb-a", 1_700, 5_200, true), window).longestGapMs).toBe(700);
  });

  it("counts both holding at once, and each move between sole holders", () => {
    const samples = [
      ...every100("lb-a", 1_000, 2_000, true),
      ...every100("lb-a", 2_000, 3_000, false),
      ...every100("lb-a", 3_000, 5_000, true),
      ...every100("lb-b", 1_050, 1_950, false),
      ...every100("lb-b", 1_950, 3_050, true),
      ...every100("lb-b", 3_050, 5_000, false),
    ];
    const timeline = vipTimeline(samples, window);
    expect(timeline.moves).toBe(2);
    expect(timeline.mostHoldersAtOnce).toBe(2);
    expect(timeline.longestGapMs).toBe(0);
  });
});

describe("longestUncovered", () => {
  it.each([
    ["no spans", [], 4_000],
    ["one span over the window", [{ fromMs: 0, toMs: 9_000 }], 0],
    ["overlapping spans with a hole", [{ fromMs: 0, toMs: 2_000 }, { fromMs: 1_500, toMs: 2_500 }, { fromMs: 3_000, toMs: 6_000 }], 500],
    ["a span inside another", [{ fromMs: 0, toMs: 4_000 }, { fromMs: 1_000, toMs: 1_200 }, { fromMs: 4_100, toMs: 6_000 }], 100],
    ["uncovered end", [{ fromMs: 0, toMs: 4_500 }], 500],
  ])("%s", (_what, spans, longest) => {
    expect(longestUncovered(spans, window)).toBe(longest);
  });
});
