/**
 * `npm run e2e`: the end-to-end suite on a real Docker engine, the layouts one after the other.
 *
 *   npm run e2e                          every layout (e2e-seed on 3.10, e2e-modern on 4.3,
 *                                        e2e-hosts: three namespace machines, root only)
 *   npm run e2e -- --stack e2e-modern    one layout
 *   npm run e2e -- --no-faults           no fault scenarios
 *   npm run e2e -- --no-updates          no update scenarios (a second `pulumi up` with changes)
 *   npm run e2e -- --updates a,b         only these update scenarios (ids in updates/changes.ts)
 *   npm run e2e -- --faults a,b          only these fault scenarios (ids in faults/)
 *   npm run e2e -- --keep                leave the last deployment running (debugging)
 *
 * Needs the test images (npm run images). Prints progress, then a summary table, writes
 * e2e-summary.json in the project root and exits non-zero on any failed check or lost message.
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { cleanStack, runLayout } from "./layout";
import { LayoutResult, summaryTable, tally, writeSummary } from "./report";
import { progress } from "./log";
import { acquireRunLock } from "./runLock";
import { e2eStack } from "./stacks";
import { removeMachines } from "./hosts/hostsLayout";

const PROJECT_DIR = path.resolve(__dirname, "../..");
// e2e-hosts: the seed's production plan on three namespace "machines" (issue 13), broken by losing them.
const LAYOUTS = ["e2e-seed", "e2e-modern", "e2e-hosts"];

function listOption(key: string, value: string | undefined): Record<string, string[]> {
  return value === undefined ? {} : { [key]: value.split(",").map((v) => v.trim()).filter((v) => v !== "") };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      stack: { type: "string", multiple: true },
      "no-faults": { type: "boolean", default: false },
      "no-updates": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      updates: { type: "string" },
      faults: { type: "string" },
    },
  });
  const stacks = values.stack ?? LAYOUTS;
  const release = await acquireRunLock();
  let current: string | undefined;
  const interrupted = async (): Promise<void> => {
    progress(`interrupted: tearing down ${current ?? "nothing"}`);
    if (current && !values.keep) {
      await cleanStack(PROJECT_DIR, current).catch(() => undefined);
      if (e2eStack(current).namespaceHosts) await removeMachines().catch(() => undefined);
    }
    release();
    process.exit(130);
  };
  process.once("SIGINT", () => void interrupted());
  process.once("SIGTERM", () => void interrupted());
  const layouts: LayoutResult[] = [];
  for (const stack of stacks) {
    current = stack;
    layouts.push(await runLayout({ projectDir: PROJECT_DIR, stack, faults: !values["no-faults"], updates: !values["no-updates"], keep: values.keep ?? false, ...listOption("onlyUpdates", values.updates), ...listOption("onlyFaults", values.faults) }));
  }
  release();
  const summary = { layouts };
  writeSummary(path.join(PROJECT_DIR, "e2e-summary.json"), summary);
  process.stdout.write(`\n${summaryTable(summary)}\n`);
  const counted = tally(summary);
  for (const line of counted.skips) process.stdout.write(`SKIPPED ${line}\n`);
  for (const line of counted.failures) process.stdout.write(`FAILED ${line}\n`);
  return counted.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`e2e aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
