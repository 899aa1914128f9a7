import { describe, expect, test } from "vitest";
import {
  bootstrap, firstSide, formatInterval, median, pairedRatio, percentile, ratioOfMeans, resample, seededRandom, verdict, type Interval,
} from "../../bench/stats";
import { byNode, MIN_ROUNDS_PER_NODE, weightedRatio } from "../../bench/vipThroughput/ratio";

describe("percentile (linear between closest ranks, as NumPy's default)", () => {
  test.each([
    { values: [1, 2, 3, 4], p: 50, want: 2.5 },
    { values: [1, 2, 3, 4], p: 25, want: 1.75 },
    { values: [4, 1, 3, 2], p: 0, want: 1 },
    { values: [4, 1, 3, 2], p: 100, want: 4 },
    { values: Array.from({ length: 20 }, (_, i) => i + 1), p: 95, want: 19.05 },
    { values: [7], p: 2.5, want: 7 },
  ])("p$p of $values is $want", ({ values, p, want }) => {
    expect(percentile(values, p)).toBeCloseTo(want, 10);
  });

  test("median of an even count is the mean of the middle two", () => {
    expect(median([3, 1, 10, 2])).toBe(2.5);
  });

  test("refuses no values and a percentile outside 0-100", () => {
    expect(() => percentile([], 50)).toThrow("percentile of no values");
    expect(() => percentile([1], 101)).toThrow("percentile must be 0-100 (got 101)");
  });
});

describe("seededRandom and resample", () => {
  test("the same seed gives the same sequence, in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(xs[0]);
  });

  test("a resample has the same size and draws only given values", () => {
    const drawn = resample([1, 2, 3], seededRandom(1));
    expect(drawn).toHaveLength(3);
    expect(drawn.every((v) => [1, 2, 3].includes(v))).toBe(true);
  });
});

describe("bootstrap intervals", () => {
  test("identical ratios give a zero-width interval at that ratio", () => {
    const b = [2000, 2100, 1900, 2500];
    const interval = pairedRatio(b.map((v) => v * 1.3), b);
    expect(interval.estimate).toBeCloseTo(1.3, 10);
    expect(interval.low).toBeCloseTo(1.3, 10);
    expect(interval.high).toBeCloseTo(1.3, 10);
  });

  test("recomputing from the same samples and seed gives the same interval", () => {
    const a = [3.1, 3.4, 2.9, 3.3, 3.8, 3.0];
    const b = [2.4, 2.6, 2.5, 2.3, 2.9, 2.5];
    expect(pairedRatio(a, b, { seed: 7 })).toEqual(pairedRatio(a, b, { seed: 7 }));
  });

  test("a 95% interval of the paired median ratio covers the true ratio in most of 200 simulated 20-round runs", () => {
    const random = seededRandom(2026);
    const noise = () => 1 + (random() - 0.5) * 0.4; // each side +-20%, as on a busy machine
    let covered = 0;
    for (let run = 0; run < 200; run++) {
      const load = Array.from({ length: 20 }, () => 1 + random() * 2); // load drifting between rounds hits both sides
      const a = load.map((l) => 1.3 * 2500 * l * noise());
      const b = load.map((l) => 2500 * l * noise());
      const interval = pairedRatio(a, b, { resamples: 1000, seed: run + 1 });
      if (interval.low <= 1.3 && 1.3 <= interval.high) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(170);
  });

  test("ratioOfMeans resamples each side on its own", () => {
    const interval = ratioOfMeans([9, 10, 11], [20, 20, 20], { resamples: 2000 });
    expect(interval.estimate).toBeCloseTo(0.5, 10);
    expect(interval.low).toBeGreaterThanOrEqual(0.45);
    expect(interval.high).toBeLessThanOrEqual(0.55);
    expect(interval.low).toBeLessThan(interval.high);
  });

  test("refuses unpaired samples and a confidence outside (0, 1)", () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow("paired samples need equal, non-zero lengths (got 2 and 1)");
    expect(() => bootstrap(1, () => 1, { confidence: 1 })).toThrow("confidence must be between 0 and 1 (got 1)");
  });
});

describe("verdict: decided only when the whole interval is on one side of the goal", () => {
  const at = (low: number, high: number): Interval => ({ estimate: (low + high) / 2, low, high, confidence: 0.95, resamples: 1, seed: 1 });
  test.each([
    { interval: at(1.05, 1.18), goal: 1.2, better: "lower" as const, want: "MET" },
    { interval: at(1.24, 1.38), goal: 1.2, better: "lower" as const, want: "NOT MET" },
    // The case the 5-round median hid: 1.13x one run, 1.3x another.
    { interval: at(1.1, 1.35), goal: 1.2, better: "lower" as const, want: "UNDECIDED" },
    { interval: at(0.93, 0.99), goal: 0.9, better: "higher" as const, want: "MET" },
    { interval: at(0.7, 0.85), goal: 0.9, better: "higher" as const, want: "NOT MET" },
    { interval: at(0.85, 1.02), goal: 0.9, better: "higher" as const, want: "UNDECIDED" },
  ])("$interval.low-$interval.high against $goal ($better is better): $want", ({ interval, goal, better, want }) => {
    expect(verdict(interval, goal, better)).toBe(want);
  });

  test("formatInterval names estimate, confidence and bounds", () => {
    expect(formatInterval(at(1.24, 1.38))).toBe("1.31x (95% interval 1.24-1.38x)");
  });
});

test("firstSide alternates, so each side goes first in half the rounds", () => {
  const order = Array.from({ length: 16 }, (_, round) => firstSide(round));
  expect(order.filter((side) => side === "a")).toHaveLength(8);
  expect(order.slice(0, 4)).toEqual(["a", "b", "a", "b"]);
});

describe("VIP ratio node for node", () => {
  const run = (node: string, perSecond: number) => ({ node, perSecond, messages: 1, seconds: 1 });

  test("a node needs MIN_ROUNDS_PER_NODE rounds on each side before its ratio is claimed", () => {
    const direct = [run("n1", 100), run("n1", 100), run("n1", 100), run("n2", 50), run("n2", 50)];
    const vip = [run("n1", 95), run("n1", 95), run("n1", 95), run("n2", 50), run("n2", 50), run("n2", 50)];
    expect(byNode(direct, vip).map(({ node, claimed }) => ({ node, claimed }))).toEqual([
      { node: "n1", claimed: true },
      { node: "n2", claimed: false },
    ]);
    expect(MIN_ROUNDS_PER_NODE).toBeGreaterThanOrEqual(3);
  });

  test("the weighted ratio compares each VIP round with its own node, not with the other nodes' rates", () => {
    // Leader n1 is twice as fast as n2; the VIP costs nothing on either.
    const nodes = [
      { node: "n1", direct: [200, 200, 200], vip: [200, 200, 200, 200] },
      { node: "n2", direct: [100, 100, 100], vip: [100, 100] },
    ];
    const interval = weightedRatio(nodes);
    expect(interval).toMatchObject({ estimate: 1, low: 1, high: 1 });
    expect(weightedRatio([])).toBeUndefined();
  });
});
