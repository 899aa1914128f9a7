/**
 * Who held the VIP, from the VIP monitor's samples (load/vipMonitor.ts): each load-balancer
 * container reports every ~100 ms whether the VIP is on one of its interfaces. Pure, so the
 * judging is unit-tested on sample lists.
 *
 * A sample stands until the same container's next one, or for at most STALE_MS (a container
 * that stopped reporting, e.g. being recreated, holds nothing) unless that next one says it
 * still holds (a slow monitor is not a lost VIP); the monitor also records a
 * not-holding sample when a container's report stream ends. The VIP is held at an instant when
 * some container's standing sample says so. Gaps are the parts of the window where it is not.
 */

export interface VipSample {
  /** Wall clock (ms) inside the container: the same kernel clock as the suite's Date.now(). */
  readonly atMs: number;
  readonly container: string;
  readonly holds: boolean;
}

export interface Window {
  readonly fromMs: number;
  readonly toMs: number;
}

export interface VipTimeline {
  /** Samples taken inside the window, of every container. */
  readonly samples: number;
  /** The longest stretch of the window with no holder (0 when always held). */
  readonly longestGapMs: number;
  /** How often the VIP went from one sole holder to a different sole holder. */
  readonly moves: number;
  /** The most containers holding the VIP at one sampled instant (2 = both claimed it). */
  readonly mostHoldersAtOnce: number;
}

/** A sample older than this no longer says anything: the container stopped reporting. */
export const STALE_MS = 1_000;

interface Span {
  readonly fromMs: number;
  readonly toMs: number;
}

function byContainer(samples: readonly VipSample[]): Map<string, VipSample[]> {
  const groups = new Map<string, VipSample[]>();
  for (const s of samples) groups.set(s.container, [...(groups.get(s.container) ?? []), s]);
  for (const list of groups.values()) list.sort((a, b) => a.atMs - b.atMs);
  return groups;
}

/** The spans in which each container's standing sample said it holds the VIP. */
function heldSpans(groups: Map<string, VipSample[]>): Span[] {
  const spans: Span[] = [];
  for (const list of groups.values()) {
    list.forEach((s, i) => {
      const next = list[i + 1];
      if (!s.holds) return;
      // Holding, then holding again at the container's next sample: the monitor was slow (a
      // starved host delays its loop), not the VIP gone; a drop in between would have shown in
      // the handshake probe's outage, which is judged apart. Otherwise a sample stands STALE_MS.
      const continued = next?.holds === true;
      spans.push({ fromMs: s.atMs, toMs: continued ? next.atMs : Math.min(next?.atMs ?? Infinity, s.atMs + STALE_MS) });
    });
  }
  return spans.sort((a, b) => a.fromMs - b.fromMs);
}

/** The longest part of `window` that no span covers. */
export function longestUncovered(spans: readonly Span[], window: Window): number {
  let coveredTo = window.fromMs;
  let longest = 0;
  for (const span of [...spans].sort((a, b) => a.fromMs - b.fromMs)) {
    if (span.toMs <= coveredTo) continue;
    if (span.fromMs >= window.toMs) break;
    longest = Math.max(longest, span.fromMs - coveredTo);
    coveredTo = span.toMs;
  }
  return Math.max(longest, window.toMs - coveredTo);
}

/** The holders at each sampled instant in the window, in time order. */
function holdersAtSamples(groups: Map<string, VipSample[]>, all: readonly VipSample[], window: Window): string[][] {
  const inWindow = all.filter((s) => s.atMs >= window.fromMs && s.atMs <= window.toMs).sort((a, b) => a.atMs - b.atMs);
  return inWindow.map((at) =>
    [...groups.entries()]
      .filter(([, list]) => {
        const standing = list.filter((s) => s.atMs <= at.atMs).at(-1);
        return standing !== undefined && standing.holds && at.atMs - standing.atMs <= STALE_MS;
      })
      .map(([container]) => container),
  );
}

export function vipTimeline(samples: readonly VipSample[], window: Window): VipTimeline {
  const groups = byContainer(samples);
  const instants = holdersAtSamples(groups, samples, window);
  let moves = 0;
  let sole: string | undefined;
  for (const holders of instants) {
    const only = holders.length === 1 ? holders[0] : undefined;
    if (only === undefined) continue;
    if (sole !== undefined && only !== sole) moves++;
    sole = only;
  }
  return {
    samples: instants.length,
    longestGapMs: Math.max(0, longestUncovered(heldSpans(groups), window)),
    moves,
    mostHoldersAtOnce: Math.max(0, ...instants.map((h) => h.length)),
  };
}
