/**
 * Runs the Pulumi program offline, without the Pulumi CLI: the stack's config is set from its
 * Pulumi.<stack>.yaml, Pulumi's mocks stand in for the engine, and every resource the program
 * registers is reported, in registration order, to `newResource`.
 *
 * Used by `npm run render` (with fake creates) and by the end-to-end suite (with creates applied
 * to Docker for real). Secure config values cannot be decrypted here: they count as unset, so
 * the program generates those secrets.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DeclaredResource, NewResource } from "./declaredResource";
import { fakeNewResource } from "./fakeResources";
import { loadProgram } from "./freshProgram";
import { RecordingMocks } from "./recordingMocks";
import { HookRegistry } from "./resourceHooks";
import { type ConfigValues, configText, readStackConfig } from "./stackConfig";
import { resolveOutputs } from "./stackOutputs";

export type { CreatedState, DeclaredResource, NewResource } from "./declaredResource";
export { maskedInputs } from "./declaredResource";
export { fakeNewResource } from "./fakeResources";

export interface RunOptions {
  readonly projectDir: string;
  readonly stack: string;
  /** Creates one resource (components too: see `custom`); default: fakeNewResource. */
  readonly newResource?: NewResource;
  /** Config values set over the stack file's, by full key (`rabbitmq-ha:topology`); undefined unsets. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Run as `pulumi preview` does: outputs a create would compute stay unknown. */
  readonly preview?: boolean;
  /** Where the program's resource hooks are registered (an engine that runs them passes its own). */
  readonly hooks?: HookRegistry;
  /**
   * Receives what the program logs (pulumi.log.*). Offline there is no engine, so the SDK writes
   * `warning: [runtime] <msg>` to the console itself; a caller that reports the model's warnings
   * in its own format (render) takes them here instead. Default: the SDK's console output.
   */
  readonly onLog?: (line: string) => void;
}

export interface RunResult {
  readonly resources: DeclaredResource[];
  /** Stack outputs; secret ones are "[secret]". */
  readonly outputs: Record<string, unknown>;
  /** Stack outputs with secret values in clear: for a caller that must use them, never to print. */
  readonly revealedOutputs: Record<string, unknown>;
  /** The hooks the program registered, callable after the program has finished (deletes). */
  readonly hooks: HookRegistry;
}

function mergedConfig(base: ConfigValues, overrides: Readonly<Record<string, unknown>> | undefined): ConfigValues {
  const merged = { ...base };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    const text = configText(value);
    if (text === undefined) delete merged[key];
    else merged[key] = text;
  }
  return merged;
}

/** Pulumi's runtime (mocks, config, monitor) is global to the process: one run at a time. */
let running = false;

export async function runProgram(o: RunOptions): Promise<RunResult> {
  if (running) throw new Error("runProgram is already running in this process (Pulumi's runtime is process-wide: run stacks one after another)");
  running = true;
  try {
    return await runOnce(o);
  } finally {
    running = false;
  }
}

async function runOnce(o: RunOptions): Promise<RunResult> {
  const { project, config } = readStackConfig(o.projectDir, o.stack);
  pulumi.runtime.setAllConfig(mergedConfig(config, o.config), []);
  const mocks = new RecordingMocks(project, o.stack, o.newResource ?? fakeNewResource, o.preview ?? false, o.hooks ?? new HookRegistry());
  await mocks.install();

  let exports: Record<string, unknown> | undefined;
  let loadError: unknown;
  // The CLI runs a program in its project directory; relative paths in it (topology files,
  // build contexts) mean the same here.
  const cwd = process.cwd();
  process.chdir(o.projectDir);
  const restoreConsole = o.onLog ? divertRuntimeLog(o.onLog) : () => undefined;
  try {
    exports = loadProgram(o.projectDir);
  } catch (error) {
    loadError = error;
  } finally {
    // Whatever happened, let registrations already under way finish before this run returns.
    await pulumi.runtime.disconnect();
    process.chdir(cwd);
    restoreConsole();
  }
  if (loadError !== undefined) throw loadError;
  if (mocks.failures.length > 0) {
    throw new AggregateError(mocks.failures, `${mocks.failures.length} resource(s) failed: ${mocks.failures.map((e) => e.message).join("; ")}`);
  }
  const { outputs, revealed } = await resolveOutputs(exports ?? {});
  return { resources: mocks.resources, outputs, revealedOutputs: revealed, hooks: mocks.hooks };
}

/** Sends the SDK's engine-less log lines (`<severity>: [runtime] ...`, @pulumi/pulumi log/index.js) to `onLog`. */
function divertRuntimeLog(onLog: (line: string) => void): () => void {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  for (const method of ["log", "warn", "error"] as const) {
    console[method] = (...args: unknown[]) => {
      if (typeof args[0] === "string" && /^\w+: \[runtime\] /.test(args[0])) onLog(args[0]);
      else saved[method](...args);
    };
  }
  return () => Object.assign(console, saved);
}
