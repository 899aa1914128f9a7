/**
 * `npm run offline -- <command> --stack <name>`: the Pulumi program deployed onto the local
 * Docker engine without the Pulumi CLI, with Pulumi's update semantics (see engine/README.md).
 *
 *   preview   what `up` would do, per resource and why
 *   up        preview, then apply it (refused when the preview has errors)
 *   destroy   delete everything the stack's state holds
 *   outputs   the stack outputs as JSON (secret ones as "[secret]" unless --show-secrets)
 *
 * State: .offline-state/<stack>.json (mode 0600, secrets sealed). Exit 0 done, 1 failed, 2 usage.
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { testLabelsFor } from "./providers/docker/client";
import { destroy, PlanError, preview, storeFor, up } from "./commands";

const PROJECT_DIR = path.resolve(__dirname, "..");
const USAGE = "usage: npm run offline -- preview|up|destroy|outputs --stack <name> [--state-dir <dir>] [--show-secrets] [--run-program]";

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { stack: { type: "string" }, "state-dir": { type: "string" }, "show-secrets": { type: "boolean" }, "run-program": { type: "boolean" }, help: { type: "boolean" } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = positionals[0];
  const stack = values.stack?.replace(/^Pulumi\.(.+)\.yaml$/, "$1");
  if (!stack || positionals.length !== 1 || !["preview", "up", "destroy", "outputs"].includes(command ?? "")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const options = {
    projectDir: PROJECT_DIR,
    stack,
    ...(values["state-dir"] ? { stateDir: path.resolve(values["state-dir"]) } : {}),
    // Marks every Docker object, so an interrupted run's leftovers can be found and removed.
    testLabels: testLabelsFor(stack),
    log: (line: string) => process.stdout.write(`${line}\n`),
  };
  if (command === "outputs") {
    const state = storeFor(options).load(stack);
    const shown = Object.fromEntries(Object.entries(state.outputs).map(([k, v]) => [k, state.secretOutputs.includes(k) && !values["show-secrets"] ? "[secret]" : v]));
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return 0;
  }
  if (command === "preview") return (await preview(options)).errors.length > 0 ? 1 : 0;
  if (command === "up") {
    await up(options);
    return 0;
  }
  process.stdout.write(`destroyed ${await destroy({ ...options, runProgram: values["run-program"] === true })} resources of ${stack}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof PlanError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
