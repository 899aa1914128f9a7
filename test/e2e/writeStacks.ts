/**
 * `npm run e2e:stacks`: writes Pulumi.e2e-seed.yaml and Pulumi.e2e-modern.yaml from the shipped
 * stacks (test/e2e/stacks.ts), for using an e2e layout outside the suite: `npm run offline -- up
 * --stack e2e-seed`, `npm run verify -- --stack e2e-seed`. The suite writes them itself.
 */
import * as path from "node:path";
import { E2E_STACKS, e2eStack, writeE2eStackFile } from "./stacks";

const PROJECT_DIR = path.resolve(__dirname, "../..");

try {
  for (const stack of Object.keys(E2E_STACKS)) {
    writeE2eStackFile(PROJECT_DIR, stack);
    process.stdout.write(`Pulumi.${stack}.yaml: Pulumi.${e2eStack(stack).base}.yaml with the e2e overrides\n`);
  }
} catch (error) {
  process.stderr.write(`e2e:stacks: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
