/**
 * What the broker must hold for the model's bindings, users and permissions, derived from the
 * validated model (not from the resources the program declared, nor from the offline engine's
 * conversions): a misreading between the model and the broker shows here. Queues, exchanges and
 * policies are compared with the model by the verify probe's topology checks, which the suite
 * runs after deploy (verify/topology/expected.ts).
 */
import { isDeepStrictEqual } from "node:util";
import { derivePermissions } from "../../../model/derive/permissions";
import type { Model } from "../../../model/types";
import { type ManagementEndpoint, management, seg } from "../../../engine/providers/rabbitmq/http";

const get = async (api: ManagementEndpoint, path: string): Promise<unknown> => (await management(api, "GET", path)).body;
const show = (value: unknown): string => JSON.stringify(value) ?? "undefined";

interface ApiBinding {
  readonly routing_key: string;
  readonly arguments: Record<string, unknown>;
}

export interface ObjectCounts {
  readonly problems: string[];
  readonly counts: Record<string, number>;
}

export async function modelObjectProblems(api: ManagementEndpoint, model: Model): Promise<ObjectCounts> {
  const problems: string[] = [];
  const t = model.topology;
  for (const b of t.bindings) {
    const kind = b.destinationType === "exchange" ? "e" : "q";
    const live = (await get(api, `/api/bindings/${seg(b.vhost)}/e/${seg(b.source)}/${kind}/${seg(b.destination)}`)) as ApiBinding[];
    const wanted = { routing_key: b.routingKey, arguments: b.arguments };
    if (!live.some((l) => isDeepStrictEqual({ routing_key: l.routing_key, arguments: l.arguments }, wanted))) {
      problems.push(`binding ${b.vhost}/${b.source}->${b.destination}: want ${show(wanted)}, found ${show(live)}`);
    }
  }
  for (const u of t.users) {
    const live = (await get(api, `/api/users/${seg(u.name)}`)) as { tags: string | string[] };
    // 3.x answers tags as "a,b", 4.x as ["a","b"].
    const tags = Array.isArray(live.tags) ? live.tags : String(live.tags ?? "").split(",").filter(Boolean);
    if (!isDeepStrictEqual([...tags].sort(), [...u.tags].sort())) problems.push(`user ${u.name}: tags ${show(tags)}, want ${show(u.tags)}`);
    for (const p of derivePermissions(u)) {
      const granted = (await get(api, `/api/permissions/${seg(p.vhost)}/${seg(u.name)}`)) as Record<string, unknown>;
      const wanted = { configure: p.configure, write: p.write, read: p.read };
      const have = { configure: granted["configure"], write: granted["write"], read: granted["read"] };
      if (!isDeepStrictEqual(have, wanted)) problems.push(`permissions ${p.vhost}/${u.name}: ${show(have)}, want ${show(wanted)}`);
    }
  }
  const permissions = t.users.reduce((n, u) => n + derivePermissions(u).length, 0);
  return { problems, counts: { bindings: t.bindings.length, users: t.users.length, permissions } };
}
