/**
 * The deployment as an update left it: the model of the config it applied and the state it
 * wrote. An update may add or remove a node or rotate the admin password, so healing, counting
 * and the next scenarios must look at this one, not at the deployment the suite started with.
 */
import type { UpdateResult } from "../../../engine/deploy/update";
import { loadModel, ModelValidationError } from "../../../model/load";
import { projectName } from "../../../model/load/stackFiles";
import { CONFIG_NAMESPACE, SECRET_KEY_NAMES } from "../../../model/schema/stackConfig";
import { type Deployment, deploymentOf } from "../deployment";
import type { StackConfig } from "./changes";

export function deploymentAfter(projectDir: string, stack: string, config: StackConfig, applied: UpdateResult): Deployment {
  const prefix = `${CONFIG_NAMESPACE}:`;
  // Secrets are the engine's to pass (encrypted config); the model needs none of their values, and
  // the loader rightly refuses them in plain text (the runner's overrides hold them so).
  const secret = new Set<string>(SECRET_KEY_NAMES);
  const ours = Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value] as const)
      .filter(([key]) => !secret.has(key)),
  );
  const { model, diagnostics } = loadModel({ project: projectName(projectDir), stack, projectDir, config: ours });
  if (!model) throw new ModelValidationError(diagnostics);
  return deploymentOf(stack, model, applied.state.resources, applied.revealedOutputs);
}
