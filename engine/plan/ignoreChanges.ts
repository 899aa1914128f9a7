/**
 * `ignoreChanges` the way the engine applies it before it diffs (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go processIgnoreChanges, with resource.PropertyPath.Reset
 * from sdk/go/common/resource/properties_path.go): only when the resource already exists, each
 * path's value in the new inputs is reset to the old inputs' value there, or deleted when the
 * old inputs have none; a path whose parent is missing from the new inputs is an error. Paths
 * as Pulumi writes them: `hosts`, `uploads[4].content`, `labels["a.b"]`. The `*` wildcard is
 * not supported here (refused with an error rather than silently ignored).
 */
type Segment = string | number;

export function parsePropertyPath(path: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|(\.)/y;
  // A name may start the path or follow a dot; a dot must follow a segment and precede a name.
  let afterDot = true;
  let ok = path.length > 0;
  while (ok && pattern.lastIndex < path.length) {
    const match = pattern.exec(path);
    if (match === null) {
      ok = false;
      break;
    }
    const [, name, index, key, dot] = match;
    if (name !== undefined) ok = afterDot;
    else if (dot !== undefined) ok = !afterDot;
    else ok = !afterDot || segments.length === 0;
    if (!ok) break;
    if (name !== undefined) segments.push(name);
    else if (index !== undefined) segments.push(Number(index));
    else if (key !== undefined) segments.push(JSON.parse(`"${key}"`) as string);
    afterDot = dot !== undefined;
  }
  pattern.lastIndex = 0;
  if (!ok || afterDot) {
    throw new Error(`ignoreChanges path "${path}" is not a property path this engine understands (names, [index], ["key"]; no * wildcard)`);
  }
  return segments;
}

type Container = Record<string, unknown> | unknown[];

function child(value: unknown, segment: Segment): unknown {
  if (typeof segment === "number") return Array.isArray(value) ? value[segment] : undefined;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
}

/** A copy of `value` and of the containers along `segments` (values elsewhere are shared, never mutated). */
function copyAlong(value: unknown, segments: readonly Segment[]): unknown {
  if (value === null || typeof value !== "object") return value;
  const copy: Container = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const [first, ...rest] = segments;
  if (first !== undefined && child(value, first) !== undefined) (copy as Record<string | number, unknown>)[first] = copyAlong(child(value, first), rest);
  return copy;
}

/** New inputs with each ignored path reset to the old inputs' value; `errors` names the paths that could not be. */
export function applyIgnoreChanges(
  news: Record<string, unknown>,
  olds: Record<string, unknown>,
  paths: readonly string[],
): { inputs: Record<string, unknown>; errors: string[] } {
  let inputs = news;
  const invalid: string[] = [];
  for (const path of paths) {
    const segments = parsePropertyPath(path);
    const parents = segments.slice(0, -1);
    const last = segments.at(-1) as Segment;
    let oldParent: unknown = olds;
    for (const s of parents) oldParent = child(oldParent, s);
    const copied = copyAlong(inputs, parents) as Record<string, unknown>;
    let parent: unknown = copied;
    for (const s of parents) parent = child(parent, s);
    if (parent === null || typeof parent !== "object" || Array.isArray(parent) !== (typeof last === "number")) {
      invalid.push(path);
      continue;
    }
    const oldValue = child(oldParent, last);
    if (oldValue !== undefined) (parent as Record<string | number, unknown>)[last] = oldValue;
    else if (Array.isArray(parent)) invalid.push(path);
    else delete (parent as Record<string, unknown>)[last as string];
    inputs = copied;
  }
  const errors = invalid.length === 0 ? [] : [`cannot ignore changes to the following properties because one or more elements of the path are missing: "${invalid.join(", ")}"`];
  return { inputs, errors };
}
