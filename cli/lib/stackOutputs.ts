/**
 * The program's stack outputs: its module exports, resolved. Secret ones are masked in
 * `outputs`; `revealed` keeps their values for callers that must use them (never print it).
 */
import * as pulumi from "@pulumi/pulumi";
import { MASK } from "./secretPaths";

/** How a preview shows an output not known until the update runs (`pulumi preview` says "output<string>"). */
export const UNKNOWN_OUTPUT = "[unknown]";

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

export async function resolveOutputs(
  exports: Record<string, unknown>,
): Promise<{ outputs: Record<string, unknown>; revealed: Record<string, unknown> }> {
  const outputs: Record<string, unknown> = {};
  const revealed: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(exports)) {
    if (key.startsWith("__") || typeof raw === "function") continue;
    const output = pulumi.output(raw);
    // In a preview an output computed from a resource yet to be created is unknown, and an
    // apply on it never runs: report it as the CLI does instead of waiting for it.
    if (!(await (output as unknown as { isKnown: Promise<boolean> }).isKnown)) {
      outputs[key] = revealed[key] = UNKNOWN_OUTPUT;
      continue;
    }
    const value = await valueOf(output);
    revealed[key] = value;
    outputs[key] = (await pulumi.isSecret(output)) ? MASK : value;
  }
  return { outputs, revealed };
}
