/**
 * Pulumi names of the Topology component's children, derived from the broker object so that
 * two components (two prefixes) never collide and renaming an object is a new resource.
 *
 * Each part is percent-encoded, so the separators `@ > : #` (which encodeURIComponent escapes)
 * never come from a name: `a-b` in vhost `c` and `a` in vhost `b-c` stay distinct. A trailing
 * `~` is followed only by a hex digest. Binding ids from the
 * provider contain `/` and change with the broker's properties key, so bindings are named from
 * what identifies them: vhost, source, destination type and name, routing key, arguments.
 */
import { createHash } from "node:crypto";
import type { BindingSpec } from "../../model/types";

const enc = encodeURIComponent;

/** `name@vhost`, the provider's own id format, encoded. */
export function inVhost(name: string, vhost: string): string {
  return `${enc(name)}@${enc(vhost)}`;
}

export function vhostChildName(prefix: string, kind: string, vhost: string): string {
  return `${prefix}-${kind}-${enc(vhost)}`;
}

export function objectChildName(prefix: string, kind: string, obj: { readonly name: string; readonly vhost: string }): string {
  return `${prefix}-${kind}-${inVhost(obj.name, obj.vhost)}`;
}

export function bindingChildName(prefix: string, b: BindingSpec): string {
  const key = b.routingKey === "" ? "" : `#${enc(b.routingKey)}`;
  const args = Object.keys(b.arguments).length === 0 ? "" : `~${argumentsHash(b.arguments)}`;
  return `${prefix}-binding-${enc(b.source)}>${b.destinationType}:${inVhost(b.destination, b.vhost)}${key}${args}`;
}

/** Short, order-independent digest of header arguments (they can be long). */
function argumentsHash(args: BindingSpec["arguments"]): string {
  const canonical = JSON.stringify(Object.keys(args).sort().map((k) => [k, args[k]]));
  return createHash("sha256").update(canonical).digest("hex").slice(0, 12);
}
