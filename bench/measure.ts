/**
 * Timing and memory of one benchmark round, plus the median/min summary the scripts print
 * (statistics: stats.ts).
 * Peak RSS and heap are sampled every millisecond while the round runs (Pulumi registration is
 * asynchronous, so the timer gets its turns); `process.resourceUsage().maxRSS` would only give
 * the whole process's peak, not one round's.
 */
import { median } from "./stats";

export interface Sample {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
}

const MB = 1024 * 1024;

export async function measure(work: () => Promise<unknown>): Promise<Sample> {
  globalThis.gc?.(); // with --expose-gc, each round starts from the same heap
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 1);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - start;
  sample();
  return { ms, peakRssMb: peakRss / MB, peakHeapMb: peakHeap / MB };
}

export function min(values: readonly number[]): number {
  return Math.min(...values);
}

/** One line: median and min time, median peaks. */
export function summary(label: string, samples: readonly Sample[]): string {
  const ms = samples.map((s) => s.ms);
  const rss = median(samples.map((s) => s.peakRssMb));
  const heap = median(samples.map((s) => s.peakHeapMb));
  return `${label.padEnd(34)} median ${median(ms).toFixed(0).padStart(6)} ms  min ${min(ms).toFixed(0).padStart(6)} ms  peak RSS ${rss.toFixed(0)} MB  peak heap ${heap.toFixed(0)} MB`;
}

/** Parses `--name value` from argv, falling back to `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number (got ${process.argv[index + 1]})`);
  return value;
}
