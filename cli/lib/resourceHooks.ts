/**
 * Resource hooks under the mock monitor. The SDK registers each hook with the monitor
 * (`registerResourceHook`, runtime/callbacks.js) and keeps its function in the callback server,
 * keyed by a token; the engine later calls it back through that token with a serialised
 * ResourceHookRequest. The mock monitor has no `registerResourceHook`, so the recording mocks
 * answer it here and keep name -> token, and `invoke` makes the engine's call: the same request
 * message, the same callback path, so the hook sees what it would see under `pulumi up`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { HookKind } from "./resourceOptions";

// Internal modules of @pulumi/pulumi 3.270 (paths as shipped in the package).
/* eslint-disable @typescript-eslint/no-require-imports */
const resproto = require("@pulumi/pulumi/proto/resource_pb");
const gstruct = require("google-protobuf/google/protobuf/struct_pb");
const settings = require("@pulumi/pulumi/runtime/settings");
/* eslint-enable @typescript-eslint/no-require-imports */

interface HookRegistration {
  readonly token: string;
  readonly onDryRun: boolean;
  readonly ignoreErrors: boolean;
}

interface RegisterHookRequest {
  getName(): string;
  getCallback(): { getToken(): string } | undefined;
  getOnDryRun(): boolean;
  getIgnoreErrors(): boolean;
}

type CallbackFn = (bytes: Uint8Array) => Promise<{ getError(): string }>;

export interface HookCall {
  readonly urn: string;
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly newInputs?: Record<string, unknown>;
  readonly oldInputs?: Record<string, unknown>;
  readonly newOutputs?: Record<string, unknown>;
  readonly oldOutputs?: Record<string, unknown>;
}

export class HookRegistry {
  private readonly hooks = new Map<string, HookRegistration>();
  private callbacks: Map<string, CallbackFn> | undefined;

  /** Answers the monitor's registerResourceHook (the mock monitor lacks it). */
  register(req: RegisterHookRequest, callback: (error: Error | null, response: unknown) => void): void {
    this.hooks.set(req.getName(), {
      token: req.getCallback()?.getToken() ?? "",
      onDryRun: req.getOnDryRun(),
      ignoreErrors: req.getIgnoreErrors(),
    });
    // Keep the callback server's function map: it outlives the server's shutdown at disconnect,
    // so deletes after the program has finished can still call their hooks.
    this.callbacks ??= (settings.getCallbacks() as { _callbacks: Map<string, CallbackFn> } | undefined)?._callbacks;
    callback(null, {});
  }

  has(name: string): boolean {
    return this.hooks.has(name);
  }

  /**
   * Runs the named hook for one resource. Returns undefined on success, else the hook's error
   * (an ignoreErrors hook's failure is reported as ignored, as the engine logs it).
   */
  async invoke(kind: HookKind, name: string, call: HookCall, dryRun: boolean): Promise<{ error?: string; ignored?: boolean; skipped?: boolean }> {
    const hook = this.hooks.get(name);
    if (!hook) return { error: `${kind} hook "${name}" is not registered by this run of the program` };
    if (dryRun && !hook.onDryRun) return { skipped: true };
    const fn = this.callbacks?.get(hook.token);
    if (!fn) return { error: `${kind} hook "${name}" has no callback in this process` };
    const request = new resproto.ResourceHookRequest();
    request.setUrn(call.urn);
    request.setId(call.id);
    request.setName(call.name);
    request.setType(call.type);
    const struct = async (props: Record<string, unknown> | undefined) =>
      props === undefined ? undefined : gstruct.Struct.fromJavaScript(await pulumi.runtime.serializeProperties(`hook ${name}`, props));
    const set = async (setter: string, props: Record<string, unknown> | undefined) => {
      const value = await struct(props);
      if (value) request[setter](value);
    };
    await set("setNewInputs", call.newInputs);
    await set("setOldInputs", call.oldInputs);
    await set("setNewOutputs", call.newOutputs);
    await set("setOldOutputs", call.oldOutputs);
    const response = await fn(request.serializeBinary());
    const error = response.getError();
    if (!error) return {};
    return hook.ignoreErrors ? { error, ignored: true } : { error };
  }
}
