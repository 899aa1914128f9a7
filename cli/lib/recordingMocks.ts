/**
 * Pulumi mocks that record every registered resource as a DeclaredResource and hand it to a
 * `newResource` callback (a fake by default, a real applier in the end-to-end suite).
 *
 * Ordering, checked in the SDK (runtime/resource.js, runtime/mocks.js) and by the runner's
 * tests: a resource is sent to the monitor only after every `dependsOn` resource has registered
 * and every input Output has resolved, and a resource's outputs resolve only when its
 * `newResource` returns. So the callback sees dependencies before dependents, and awaiting a
 * real create inside it gives the order `pulumi up` would follow.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CreatedState, DeclaredResource, NewResource } from "./declaredResource";
import { fakeNewResource } from "./fakeResources";
import { secretPathsOf, unwrapSecrets } from "./secretPaths";
import { HookRegistry } from "./resourceHooks";
import { NO_OPTIONS, type OptionsRequest, type ResourceOptions, optionsOf } from "./resourceOptions";

/** What only the serialised request carries: parent, dependencies, secrets where they are. */
interface RequestFacts {
  readonly parent: string;
  readonly dependencies: string[];
  readonly secretPaths: string[];
  /** Outputs the engine would mark secret (e.g. RandomPassword's `result`). */
  readonly secretOutputs: string[];
  readonly options: ResourceOptions;
}

/** The subset of a RegisterResourceRequest read here (protobuf accessors). */
interface RegisterRequest extends OptionsRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getDependenciesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getObject(): { toJavaScript(): unknown } | undefined;
}

interface MonitorWithRegister {
  registerResource(req: RegisterRequest, callback: unknown): Promise<void>;
  registerResourceHook?: HookRegistry["register"];
}

export class RecordingMocks implements pulumi.runtime.Mocks {
  readonly resources: DeclaredResource[] = [];
  readonly failures: Error[] = [];
  private readonly pending = new Map<string, RequestFacts>();

  constructor(
    private readonly project: string,
    private readonly stack: string,
    private readonly apply: NewResource,
    /** Run the program as `pulumi preview` runs it: unknown outputs stay unknown. */
    private readonly preview = false,
    /** Hooks the program registers (`hooks: {...}` options and named ResourceHooks). */
    readonly hooks = new HookRegistry(),
  ) {}

  /** Installs the mocks, then taps the mock monitor's register call for the request facts. */
  async install(): Promise<void> {
    await pulumi.runtime.setMocks(this, this.project, this.stack, this.preview);
    const monitor = pulumi.runtime.getMonitor() as unknown as MonitorWithRegister;
    monitor.registerResourceHook = (req, callback) => this.hooks.register(req, callback);
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      const key = `${req.getType()}::${req.getName()}`;
      if (this.pending.has(key)) throw new Error(`two resources registered at once as ${key}`);
      this.pending.set(key, {
        parent: req.getParent(),
        dependencies: req.getDependenciesList(),
        secretPaths: secretPathsOf(req.getObject()?.toJavaScript() ?? {}),
        secretOutputs: req.getAdditionalsecretoutputsList(),
        options: optionsOf(req),
      });
      return register(req, callback);
    };
  }

  async newResource(args: pulumi.runtime.MockResourceArgs): Promise<pulumi.runtime.MockResourceResult> {
    const key = `${args.type}::${args.name}`;
    const facts = this.pending.get(key);
    this.pending.delete(key);
    const resource: DeclaredResource = {
      type: args.type,
      name: args.name,
      urn: this.urnOf(facts?.parent ?? "", args.type, args.name),
      custom: args.custom ?? false,
      inputs: unwrapSecrets(args.inputs) as Record<string, unknown>,
      secretPaths: facts?.secretPaths ?? [],
      dependencies: facts?.dependencies ?? [],
      options: facts?.options ?? NO_OPTIONS,
      ...(args.provider ? { provider: args.provider } : {}),
      ...(facts?.parent ? { parent: facts.parent } : {}),
    };
    this.resources.push(resource);
    const created = await this.create(resource);
    return { id: created.id, state: withSecretOutputs(created.state, facts?.secretOutputs ?? []) };
  }

  /**
   * Like `pulumi up`, nothing new is created after a failure. The failed resource answers with
   * a fake state rather than an error: an error would reject dozens of Outputs nobody awaits
   * (unhandled rejections); the runner reports `failures` once the program has finished.
   */
  private async create(resource: DeclaredResource): Promise<CreatedState> {
    if (this.failures.length > 0) return fakeNewResource(resource);
    try {
      return await this.apply(resource);
    } catch (error) {
      this.failures.push(error instanceof Error ? error : new Error(String(error)));
      return fakeNewResource(resource);
    }
  }

  call(_args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    return {};
  }

  /** The URN the mock monitor gives a resource (its parent's type chain, then type and name). */
  private urnOf(parent: string, type: string, name: string): string {
    const qualified = parent ? `${parent.split("::")[2]?.split("$").pop()}$${type}` : type;
    return `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}`;
  }
}

/** The engine marks `additionalSecretOutputs` secret; the mock monitor does not, so do it here. */
function withSecretOutputs(state: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, keys.includes(k) ? pulumi.secret(v) : v]));
}
