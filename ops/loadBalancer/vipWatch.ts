/**
 * Watches who holds the VIP (a sampler: `docker exec` per load balancer, vipHolder.ts, or the
 * cheaper /proc read, procVip.ts), and sums it up: how often the VIP moved, and the
 * longest stretch in which no sample found a holder. A stretch is bounded by the samples around
 * it: from the last sample that saw a holder to the next one that did (an upper bound: a gap
 * shorter than the sampling interval may go unseen, one seen is never overstated by more than
 * two intervals).
 */
import { sleep } from "../docker";

export interface VipSample {
  /** ms since the epoch, when the sample's answers were in. */
  readonly at: number;
  readonly holders: readonly string[];
}

export interface VipTimeline {
  readonly samples: number;
  /** Holder changes between samples with exactly one holder (A -> B counts once, A -> none -> A none). */
  readonly moves: number;
  /** Samples that saw no holder, and the longest such stretch (ms, bounded as above). */
  readonly samplesWithoutHolder: number;
  readonly longestWithoutHolderMs: number;
  /** Samples that saw two or more holders (split brain). */
  readonly samplesWithSeveral: number;
  /** The distinct holders in order of appearance (e.g. lb1 -> lb2). */
  readonly sequence: readonly string[];
}

export function summariseVip(samples: readonly VipSample[]): VipTimeline {
  let moves = 0;
  let without = 0;
  let several = 0;
  let longest = 0;
  let lastHeldAt: number | undefined;
  let inGap = false;
  const sequence: string[] = [];
  for (const s of samples) {
    if (s.holders.length === 0) {
      without++;
      inGap = true;
      continue;
    }
    if (s.holders.length > 1) several++;
    if (inGap && lastHeldAt !== undefined) longest = Math.max(longest, s.at - lastHeldAt);
    inGap = false;
    lastHeldAt = s.at;
    if (s.holders.length === 1) {
      const holder = s.holders[0] as string;
      if (sequence.length > 0 && sequence.at(-1) !== holder) moves++;
      if (sequence.at(-1) !== holder) sequence.push(holder);
    }
  }
  return { samples: samples.length, moves, samplesWithoutHolder: without, longestWithoutHolderMs: longest, samplesWithSeveral: several, sequence };
}

/** Samples until `stop()`, which resolves with the summary; `onChange` sees each sample whose holders differ from the last. */
export function watchVip(sampleHolders: () => Promise<string[]>, everyMs: number, onChange?: (sample: VipSample) => void): { stop: () => Promise<VipTimeline> } {
  const samples: VipSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const sample = { holders: await sampleHolders(), at: Date.now() };
      if (onChange && samples.at(-1)?.holders.join() !== sample.holders.join()) onChange(sample);
      samples.push(sample);
      await sleep(everyMs);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return summariseVip(samples);
    },
  };
}
