import * as rabbitmq from "@pulumi/rabbitmq";
import type { VhostSpec } from "../../model/types";
import { vhostChildName } from "./childNames";
import { type BuildContext, safetyOptions } from "./context";

/**
 * A vhost. Deleting one deletes every queue in it, so it carries the same safety flags as
 * queues. Its operations settings (tracing, limits, description, default queue type) are not
 * inputs of this provider version: see vhostSettings/.
 */
export function declareVhost(ctx: BuildContext, vhost: VhostSpec): rabbitmq.VHost {
  const resource = new rabbitmq.VHost(
    vhostChildName(ctx.prefix, "vhost", vhost.name),
    { name: vhost.name },
    { ...ctx.opts, ...safetyOptions(ctx.safety) },
  );
  ctx.declared.vhosts.set(vhost.name, resource);
  return resource;
}
