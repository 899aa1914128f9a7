/**
 * The VIP's cost node for node: a VIP round is compared only with direct rounds to the node it
 * landed on (the quorum queue's leader is much faster than a follower), a node counts only with
 * MIN_ROUNDS_PER_NODE rounds on each side, and the weighted ratio comes with a bootstrap interval.
 */
import { bootstrap, mean, resample, type Interval } from "../stats";
import type { PublishRun } from "./publish";

export const MIN_ROUNDS_PER_NODE = 3;

export interface NodeRates {
  readonly node: string;
  readonly direct: readonly number[];
  readonly vip: readonly number[];
}

/** Per node the VIP rounds landed on: both sides' rates, and whether there are enough to claim a ratio. */
export function byNode(direct: readonly PublishRun[], vip: readonly PublishRun[]): (NodeRates & { readonly claimed: boolean })[] {
  const nodes = [...new Set(vip.map((run) => run.node))].filter((n): n is string => n !== undefined).sort();
  return nodes.map((node) => {
    const rates = (runs: readonly PublishRun[]) => runs.filter((r) => r.node === node).map((r) => r.perSecond);
    const [d, v] = [rates(direct), rates(vip)];
    return { node, direct: d, vip: v, claimed: d.length >= MIN_ROUNDS_PER_NODE && v.length >= MIN_ROUNDS_PER_NODE };
  });
}

/** VIP/direct node for node, weighted by VIP rounds, with its interval; undefined when no node has enough rounds. */
export function weightedRatio(nodes: readonly NodeRates[], seed = 1): Interval | undefined {
  if (nodes.length === 0) return undefined;
  const weighted = (pick: (rates: readonly number[]) => readonly number[]) => {
    const total = nodes.reduce((sum, n) => sum + n.vip.length, 0);
    return nodes.reduce((sum, n) => sum + (mean(pick(n.vip)) / mean(pick(n.direct))) * n.vip.length, 0) / total;
  };
  return bootstrap(weighted((rates) => rates), (random) => weighted((rates) => resample(rates, random)), { seed });
}

