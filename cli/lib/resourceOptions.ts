/**
 * The resource options a registration carries to the engine, read from the serialised
 * RegisterResourceRequest (the SDK's runtime/resource.js sets each one on the request; the mock
 * monitor drops them, so the recording mocks read them here). An offline engine needs them to
 * behave as `pulumi up` does: protect, retainOnDelete, deleteBeforeReplace, deletedWith,
 * replaceWith, ignoreChanges, replaceOnChanges, hooks and the property dependencies.
 */

export const HOOK_KINDS = ["beforeCreate", "afterCreate", "beforeUpdate", "afterUpdate", "beforeDelete", "afterDelete"] as const;
export type HookKind = (typeof HOOK_KINDS)[number];

export interface ResourceOptions {
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  /** undefined: not set by the program (the provider's default applies). */
  readonly deleteBeforeReplace: boolean | undefined;
  readonly deletedWith: string | undefined;
  readonly replaceWith: readonly string[];
  readonly ignoreChanges: readonly string[];
  readonly replaceOnChanges: readonly string[];
  readonly additionalSecretOutputs: readonly string[];
  /** Hook names per kind, as registered with `hooks: {...}` (plain functions get generated names). */
  readonly hooks: Readonly<Partial<Record<HookKind, readonly string[]>>>;
  /** Input property -> URNs of the resources its value came from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

export const NO_OPTIONS: ResourceOptions = {
  protect: false,
  retainOnDelete: false,
  deleteBeforeReplace: undefined,
  deletedWith: undefined,
  replaceWith: [],
  ignoreChanges: [],
  replaceOnChanges: [],
  additionalSecretOutputs: [],
  hooks: {},
  propertyDependencies: {},
};

/** The accessors of RegisterResourceRequest read here (generated protobuf code, proto/resource_pb.js). */
export interface OptionsRequest {
  getProtect(): boolean;
  getRetainondelete(): boolean;
  getDeletebeforereplace(): boolean;
  getDeletebeforereplacedefined(): boolean;
  getDeletedwith(): string;
  getReplaceWithList?(): string[];
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getHooks(): HooksBinding | undefined;
  getPropertydependenciesMap(): { forEach(f: (value: { getUrnsList(): string[] }, key: string) => void): void };
}

interface HooksBinding {
  getBeforeCreateList(): string[];
  getAfterCreateList(): string[];
  getBeforeUpdateList(): string[];
  getAfterUpdateList(): string[];
  getBeforeDeleteList(): string[];
  getAfterDeleteList(): string[];
}

export function optionsOf(req: OptionsRequest): ResourceOptions {
  const binding = req.getHooks();
  const hooks: Partial<Record<HookKind, string[]>> = {};
  if (binding) {
    const lists: Record<HookKind, string[]> = {
      beforeCreate: binding.getBeforeCreateList(),
      afterCreate: binding.getAfterCreateList(),
      beforeUpdate: binding.getBeforeUpdateList(),
      afterUpdate: binding.getAfterUpdateList(),
      beforeDelete: binding.getBeforeDeleteList(),
      afterDelete: binding.getAfterDeleteList(),
    };
    for (const kind of HOOK_KINDS) if (lists[kind].length > 0) hooks[kind] = lists[kind];
  }
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((value, key) => {
    propertyDependencies[key] = value.getUrnsList();
  });
  return {
    protect: req.getProtect(),
    retainOnDelete: req.getRetainondelete(),
    deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
    deletedWith: req.getDeletedwith() || undefined,
    replaceWith: req.getReplaceWithList?.() ?? [],
    ignoreChanges: req.getIgnorechangesList(),
    replaceOnChanges: req.getReplaceonchangesList(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    hooks,
    propertyDependencies,
  };
}
