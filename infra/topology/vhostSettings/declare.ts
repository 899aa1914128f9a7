import type * as rabbitmq from "@pulumi/rabbitmq";
import type { RabbitSeries, VhostSpec } from "../../../model/types";
import { vhostChildName } from "../childNames";
import type { BuildContext } from "../context";
import type { VhostSettingsArgs } from "./resource";
import { VhostSettings } from "./resource";
import { vhostSettingsFor } from "./settings";

/**
 * One VhostSettings per declared vhost, applied after the vhost exists. Every vhost gets one,
 * defaults included, so switching tracing off or dropping a limit is an update that the
 * broker sees rather than a resource that silently disappears.
 */
export function declareVhostSettings(
  ctx: BuildContext,
  vhost: VhostSpec,
  vhostResource: rabbitmq.VHost,
  connection: VhostSettingsArgs["connection"],
  version: RabbitSeries,
): VhostSettings {
  return new VhostSettings(
    vhostChildName(ctx.prefix, "vhost-settings", vhost.name),
    { connection, settings: { ...vhostSettingsFor(vhost, version), vhost: vhostResource.name } },
    { parent: ctx.opts.parent, dependsOn: [vhostResource] },
  );
}
