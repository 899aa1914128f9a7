import * as rabbitmq from "@pulumi/rabbitmq";
import type { ExchangeSpec } from "../../model/types";
import { objectChildName } from "./childNames";
import { type BuildContext, DeclaredResources } from "./context";

/**
 * An exchange. `durable` is always sent (the provider defaults it to false). Every setting
 * forces replacement; delete-before-replace because the new exchange has the same name (the
 * broker would refuse a second declare with other settings, and deleting the old one after
 * would delete the new one).
 *
 * `internal` is not an input of @pulumi/rabbitmq 3.3.8 (its settings are type, durable,
 * autoDelete, arguments): validation refuses `internal: true` (model/schema/exchange.ts).
 */
export function declareExchange(ctx: BuildContext, x: ExchangeSpec): rabbitmq.Exchange {
  const resource = new rabbitmq.Exchange(
    objectChildName(ctx.prefix, "exchange", x),
    {
      name: x.name,
      vhost: ctx.declared.vhostName(x.vhost),
      settings: {
        type: x.type,
        durable: x.durable,
        autoDelete: x.autoDelete,
        // Otherwise its generated policy applies the alternate exchange (in place when changed).
        arguments: x.alternateExchange === undefined || !x.settingsAsArguments ? undefined : { "alternate-exchange": x.alternateExchange },
      },
    },
    { ...ctx.opts, deleteBeforeReplace: true },
  );
  ctx.declared.exchanges.set(DeclaredResources.key(x.vhost, x.name), resource);
  return resource;
}
