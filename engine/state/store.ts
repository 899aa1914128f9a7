/**
 * Per-stack state files, `<stateDir>/<stack>.json` (mode 0600), the offline counterpart of a
 * Pulumi checkpoint: every resource's inputs, read-back outputs, options and dependencies, and
 * the stack outputs. Secret values are sealed (secretBox.ts) at their paths.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { replacePaths } from "../../cli/lib/secretPaths";
import type { ResourceState, StackState } from "../types";
import { SEALED_KEY, type SecretBox, secretBoxFor } from "./secretBox";

interface StateFile {
  readonly version: 1;
  readonly stack: string;
  readonly secrets: string;
  readonly resources: ResourceState[];
  readonly outputs: Record<string, unknown>;
  readonly secretOutputs: string[];
}

export class StateStore {
  constructor(readonly dir: string) {}

  fileOf(stack: string): string {
    return path.join(this.dir, `${stack}.json`);
  }

  private boxFor(stack: string, saved: string | undefined): SecretBox {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return secretBoxFor(path.join(this.dir, `${stack}.key`), saved);
  }

  /** The stack's state, or an empty one when it was never deployed. */
  load(stack: string): StackState {
    const file = this.fileOf(stack);
    if (!existsSync(file)) return { version: 1, stack, resources: [], outputs: {}, secretOutputs: [] };
    const raw = JSON.parse(readFileSync(file, "utf8")) as StateFile;
    if (raw.version !== 1) throw new Error(`${file}: state version ${String(raw.version)} is not supported (expected 1)`);
    const box = this.boxFor(stack, raw.secrets);
    const open = <T>(value: T): T => openSealed(value, box);
    return {
      version: 1,
      stack,
      resources: raw.resources.map((r) => ({ ...r, inputs: open(r.inputs), outputs: open(r.outputs) })),
      outputs: open(raw.outputs),
      secretOutputs: raw.secretOutputs,
    };
  }

  save(state: StackState): void {
    const previous = existsSync(this.fileOf(state.stack)) ? (JSON.parse(readFileSync(this.fileOf(state.stack), "utf8")) as StateFile).secrets : undefined;
    const box = this.boxFor(state.stack, previous);
    const seal = (v: unknown) => box.seal(v);
    const file: StateFile = {
      version: 1,
      stack: state.stack,
      secrets: box.descriptor,
      resources: state.resources.map((r) => ({
        ...r,
        inputs: replacePaths(r.inputs, r.secretPaths, seal),
        outputs: replacePaths(r.outputs, r.secretPaths, seal),
      })),
      outputs: replacePaths(state.outputs, state.secretOutputs, seal),
      secretOutputs: [...state.secretOutputs],
    };
    const target = this.fileOf(state.stack);
    writeFileSync(`${target}.tmp`, `${JSON.stringify(file, null, 1)}\n`, { mode: 0o600 });
    renameSync(`${target}.tmp`, target);
  }

  remove(stack: string): void {
    rmSync(this.fileOf(stack), { force: true });
    rmSync(path.join(this.dir, `${stack}.key`), { force: true });
  }
}

function openSealed<T>(value: T, box: SecretBox): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      if (SEALED_KEY in v) return box.open(v as { [SEALED_KEY]: string });
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
