/**
 * Where each model object was written, so rules can point at a file, line and field without
 * the model itself carrying source positions.
 */
import type { Path, PathSegment } from "./source/yamlSource";

export interface Where {
  /** File relative to the project. */
  readonly file: string;
  readonly path: Path;
  /** Point at the key of the last segment rather than its value. */
  readonly atKey?: boolean;
}

interface Derived {
  readonly origin?: { readonly file: string };
  readonly vhost?: string;
  readonly generatedFor?: string;
}

export class Locations {
  private readonly byObject = new WeakMap<object, Where>();
  private readonly queues = new Map<string, Where>();

  /** Records where an object was declared; queues are also indexed for derived objects. */
  record(object: object, where: Where, queueKey?: { readonly vhost: string; readonly name: string }): void {
    this.byObject.set(object, where);
    if (queueKey) this.queues.set(`${queueKey.vhost}\u0000${queueKey.name}`, where);
  }

  has(object: object): boolean {
    return this.byObject.has(object);
  }

  copy(from: object, to: object): void {
    const where = this.byObject.get(from);
    if (where) this.byObject.set(to, where);
  }

  /**
   * Location of `field` inside `object`. Objects the model generated (retry expansion) point at
   * the `retry` setting of the queue they serve; anything else unknown points at its file.
   */
  of(object: object, ...field: PathSegment[]): Where {
    const known = this.byObject.get(object);
    if (known) return { file: known.file, path: [...known.path, ...field] };
    const derived = object as Derived;
    if (derived.generatedFor !== undefined && derived.vhost !== undefined) {
      const served = this.queues.get(`${derived.vhost}\u0000${derived.generatedFor}`);
      if (served) return { file: served.file, path: [...served.path, "retry"] };
    }
    return { file: derived.origin?.file ?? "", path: [] };
  }
}

/**
 * The derived topology replaces some declared objects by copies (a work queue gains its retry
 * dead-lettering, a user its parking-lot grants): give each copy its original's location.
 */
export function carryLocations(declared: TopologySpecLike, derived: TopologySpecLike, locations: Locations): void {
  for (const kind of Object.keys(IDENTITY) as (keyof TopologySpecLike)[]) {
    const identity = IDENTITY[kind];
    const originals = new Map(declared[kind].map((object) => [identity(object), object]));
    for (const object of derived[kind]) {
      const original = originals.get(identity(object));
      if (original && original !== object && !locations.has(object)) locations.copy(original, object);
    }
  }
}

type Named = { readonly name?: string; readonly vhost?: string; readonly operator?: boolean } & object;
type TopologySpecLike = Readonly<Record<"vhosts" | "exchanges" | "queues" | "bindings" | "policies" | "users", readonly Named[]>>;

const IDENTITY: Readonly<Record<keyof TopologySpecLike, (object: Named) => string>> = {
  vhosts: (object) => JSON.stringify([object.name]),
  exchanges: (object) => JSON.stringify([object.vhost, object.name]),
  queues: (object) => JSON.stringify([object.vhost, object.name]),
  bindings: (object) => JSON.stringify(object),
  policies: (object) => JSON.stringify([object.vhost, object.name, object.operator]),
  users: (object) => JSON.stringify([object.name]),
};
