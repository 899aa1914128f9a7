import type { TopologySpec } from "../types";

/**
 * Objects the model derives from what users wrote (the retry expansion), applied by the loader
 * after validation so that every later stage sees them as ordinary queues and exchanges.
 * Work in progress: the retry expansion lands in model/derive/retry.ts.
 */
export function deriveTopology(topology: TopologySpec): TopologySpec {
  return topology;
}
