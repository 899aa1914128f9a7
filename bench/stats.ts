/**
 * The statistics behind a benchmark verdict: a median is not enough on a shared machine (a
 * rerun of the 5-round topology bench gave 1.13x where an earlier one gave 1.3x), so each
 * ratio comes with a percentile-bootstrap interval, and the verdict is only MET or NOT MET when
 * the whole interval is on one side of the goal. Pure functions; the random numbers come from
 * a seeded generator so a results file can be recomputed exactly from its samples.
 */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (0-100), linear between closest ranks (R's type 7, NumPy's default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be 0-100 (got ${p})`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (rank - below);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error("mean of no values");
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** mulberry32: a small seeded generator of floats in [0, 1); the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `values` drawn with replacement, as many as there are. */
export function resample<T>(values: readonly T[], random: () => number): T[] {
  return values.map(() => values[Math.floor(random() * values.length)] as T);
}

export interface Interval {
  /** The statistic on the samples as measured. */
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  /** 0.95 for a 95% interval. */
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
}

export interface BootstrapOptions {
  /** Default 0.95. */
  readonly confidence?: number;
  /** Default 10,000. */
  readonly resamples?: number;
  /** Default 1. */
  readonly seed?: number;
}

/**
 * Percentile bootstrap: `statistic` on `estimate`, and on `resamples` replays of `draw` (each
 * builds one resampled data set with the generator it is given); the interval is the middle
 * `confidence` of those replays.
 */
export function bootstrap(estimate: number, draw: (random: () => number) => number, options: BootstrapOptions = {}): Interval {
  const confidence = options.confidence ?? 0.95;
  const resamples = options.resamples ?? 10_000;
  const seed = options.seed ?? 1;
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence must be between 0 and 1 (got ${confidence})`);
  const random = seededRandom(seed);
  const replays = Array.from({ length: resamples }, () => draw(random)).filter(Number.isFinite);
  if (replays.length === 0) throw new Error("no resample gave a finite statistic");
  const tail = ((1 - confidence) / 2) * 100;
  return { estimate, low: percentile(replays, tail), high: percentile(replays, 100 - tail), confidence, resamples, seed };
}

/** Median of per-round ratios a[i] / b[i] (paired: each round's two sides ran back to back), with its interval. */
export function pairedRatio(a: readonly number[], b: readonly number[], options?: BootstrapOptions): Interval {
  if (a.length !== b.length || a.length === 0) throw new Error(`paired samples need equal, non-zero lengths (got ${a.length} and ${b.length})`);
  const ratios = a.map((value, i) => value / (b[i] as number));
  return bootstrap(median(ratios), (random) => median(resample(ratios, random)), options);
}

/** mean(x) / mean(y) for two independent samples, each resampled on its own. */
export function ratioOfMeans(x: readonly number[], y: readonly number[], options?: BootstrapOptions): Interval {
  if (x.length === 0 || y.length === 0) throw new Error("ratioOfMeans needs samples on both sides");
  return bootstrap(mean(x) / mean(y), (random) => mean(resample(x, random)) / mean(resample(y, random)), options);
}

export const VERDICT = { met: "MET", notMet: "NOT MET", undecided: "UNDECIDED" } as const;
export type Verdict = (typeof VERDICT)[keyof typeof VERDICT];

/**
 * MET when the whole interval is on the goal's good side, NOT MET when it is wholly on the bad
 * side, UNDECIDED when it straddles the goal (more rounds, or a quieter machine, may decide).
 * `better`: "lower" for a cost ratio (goal: at most 1.2x), "higher" for a throughput ratio.
 */
export function verdict(interval: Interval, goal: number, better: "lower" | "higher"): Verdict {
  const good = better === "lower" ? interval.high <= goal : interval.low >= goal;
  const bad = better === "lower" ? interval.low > goal : interval.high < goal;
  if (good) return VERDICT.met;
  if (bad) return VERDICT.notMet;
  return VERDICT.undecided;
}

/** "1.31x (95% interval 1.24-1.38x)". */
export function formatInterval(interval: Interval, digits = 2, unit = "x"): string {
  const f = (v: number) => v.toFixed(digits);
  return `${f(interval.estimate)}${unit} (${Math.round(interval.confidence * 100)}% interval ${f(interval.low)}-${f(interval.high)}${unit})`;
}

/**
 * Which side goes first in round `round` (0-based): alternating, so neither side always runs
 * on a heap or a CPU cache the other just warmed, and drifting machine load hits both alike.
 */
export function firstSide(round: number): "a" | "b" {
  return round % 2 === 0 ? "a" : "b";
}
