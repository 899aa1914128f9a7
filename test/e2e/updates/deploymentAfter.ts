/**
 * The deployment as an update left it: the model of the config it applied and the state it
 * wrote. An update may add or remove a node or rotate the admin password, so healing, counting
 * and the next scenarios must look at this one, not at the deployment the suite started with.
 */
import type { UpdateResult } from "../../../engine/deploy/update";
import { loadModel, ModelValidationError } from "../../../model/load";
import { projectName } from "../../../model/load/stackFiles";
import { CONFIG_NAMESPACE } from "../../../model/schema/stackConfig";
import { type Deployment, deploymentOf } from "../deployment";
import type { StackConfig } from "./changes";

export function deploymentAfter(projectDir: string, stack: string, config: StackConfig, applied: UpdateResult): Deployment {
  const prefix = `${CONFIG_NAMESPACE}:`;
  const ours = Object.fromEntries(Object.entries(config).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
  const { model, diagnostics } = loadModel({ project: projectName(projectDir), stack, projectDir, config: ours });
  if (!model) throw new ModelValidationError(diagnostics);
  return deploymentOf(stack, model, applied.state.resources, applied.revealedOutputs);
}
