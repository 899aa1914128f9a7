/**
 * bench/results.json is what the README quotes: its intervals must follow from its own raw
 * samples (same statistic, seed and resample count), and the README must quote them as stored.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, test } from "vitest";
import { RESULTS_FILE } from "../../bench/results";
import { pairedRatio, verdict, type Interval } from "../../bench/stats";
import { byNode, weightedRatio } from "../../bench/vipThroughput/ratio";

interface Stored {
  readonly topology: { samplesMs: { a: number[]; b: number[] }; ratio: Interval; goal: number; verdict: string };
  readonly vip: { rounds: { direct: { node: string; perSecond: number }[]; vip: { node: string; perSecond: number }[] }; ratio: Interval | null; verdict: string };
}

const stored = JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as Stored;
const readme = fs.readFileSync(path.join(path.dirname(RESULTS_FILE), "README.md"), "utf8");
const settings = (i: Interval) => ({ seed: i.seed, resamples: i.resamples, confidence: i.confidence });
const close = (actual: Interval, expected: Interval, digits = 6) => {
  for (const key of ["estimate", "low", "high"] as const) expect(actual[key]).toBeCloseTo(expected[key], digits);
};

describe("bench/results.json", () => {
  test("topology: the interval is recomputed from the stored rounds, and the README quotes it", () => {
    const { samplesMs, ratio, goal } = stored.topology;
    expect(samplesMs.a.length).toBeGreaterThanOrEqual(15);
    close(pairedRatio(samplesMs.a, samplesMs.b, settings(ratio)), ratio);
    expect(stored.topology.verdict).toBe(verdict(ratio, goal, "lower"));
    expect(readme).toContain(`**${ratio.estimate.toFixed(2)}x (${ratio.low.toFixed(2)}-${ratio.high.toFixed(2)}x)**`);
  });

  test("vip: the interval is recomputed from the stored rounds, and the README quotes it", () => {
    const runs = (list: { node: string; perSecond: number }[]) => list.map((r) => ({ ...r, messages: 0, seconds: 0 }));
    const claimed = byNode(runs(stored.vip.rounds.direct), runs(stored.vip.rounds.vip)).filter((n) => n.claimed);
    const ratio = stored.vip.ratio;
    expect(ratio).not.toBeNull();
    if (ratio === null) return;
    const again = weightedRatio(claimed, ratio.seed);
    expect(again).toBeDefined();
    // The file keeps rates rounded to whole messages per second: equal to 3 decimals.
    close(again as Interval, ratio, 3);
    expect(stored.vip.verdict).toBe(verdict(ratio, 0.9, "higher"));
    expect(readme).toContain(`${ratio.estimate.toFixed(3)} (95% interval ${ratio.low.toFixed(3)}-${ratio.high.toFixed(3)})`);
  });
});
