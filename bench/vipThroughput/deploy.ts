/**
 * Deploys an e2e layout with the e2e suite's own pieces (lock, leftover removal, applier,
 * deployment handles) and always tears it down: the benchmark only adds its measurement.
 */
import * as path from "node:path";
import { up } from "../../engine/commands";
import { type Deployment, deploymentOf } from "../../test/e2e/deployment";
import { cleanStack, engineOptions } from "../../test/e2e/layout";
import { progress } from "../../test/e2e/log";
import { loadE2eModel } from "../../test/e2e/model";
import { acquireRunLock } from "../../test/e2e/runLock";
import { writeE2eStackFile } from "../../test/e2e/stacks";

const PROJECT_DIR = path.resolve(__dirname, "..", "..");

export async function withDeployment<T>(stack: string, work: (deployment: Deployment) => Promise<T>): Promise<T> {
  const release = await acquireRunLock();
  const teardown = async (): Promise<void> => {
    progress(`${stack}: tear down: ${await cleanStack(PROJECT_DIR, stack)}`);
  };
  const interrupted = (): void => {
    void teardown().finally(() => {
      release();
      process.exit(130);
    });
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    writeE2eStackFile(PROJECT_DIR, stack);
    progress(`${stack}: leftovers: ${await cleanStack(PROJECT_DIR, stack)}`);
    const model = loadE2eModel(PROJECT_DIR, stack);
    progress(`${stack}: deploying`);
    const { applied } = await up(engineOptions(PROJECT_DIR, stack));
    return await work(deploymentOf(stack, model, applied.state.resources, applied.revealedOutputs));
  } finally {
    await teardown().catch((error: unknown) => progress(`${stack}: tear down failed: ${String(error)}`));
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    release();
  }
}
