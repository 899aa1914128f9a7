/**
 * The validated model of an e2e stack, read by the same loader `npm run validate` and the
 * program use (model/load.ts). The checks compare the live cluster with it: node types, load
 * balancers, the VIP, which objects have retry rules or dead-letter targets.
 */
import type { Model } from "../../model/types";
import { loadStackOrThrow } from "../../model/load";

export function loadE2eModel(projectDir: string, stack: string): Model {
  return loadStackOrThrow(projectDir, stack);
}
