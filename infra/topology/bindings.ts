import type * as pulumi from "@pulumi/pulumi";
import * as rabbitmq from "@pulumi/rabbitmq";
import type { BindingSpec } from "../../model/types";
import { bindingChildName } from "./childNames";
import type { BuildContext } from "./context";

/**
 * A binding from an exchange to a queue or an exchange.
 *
 * When its source or destination is replaced, the broker drops the binding with the old object
 * while the Binding resource itself has not changed, so Pulumi would never recreate it
 * (upstream issue #25). `replaceWith` replaces the binding whenever either end is replaced.
 * Source and destination are passed as the ends' outputs so the binding also waits for them.
 * Delete-before-replace: the replacement is the same binding (same properties key), and
 * deleting the old one after creating it would delete the new one.
 * Header arguments go as JSON so typed header values (numbers, booleans) keep their type.
 */
export function declareBinding(ctx: BuildContext, b: BindingSpec): rabbitmq.Binding {
  const source = ctx.declared.exchange(b.vhost, b.source);
  const destination = b.destinationType === "queue" ? ctx.declared.queue(b.vhost, b.destination) : ctx.declared.exchange(b.vhost, b.destination);
  const ends = [source, destination].filter((r): r is rabbitmq.Exchange | rabbitmq.Queue => r !== undefined);
  return new rabbitmq.Binding(
    bindingChildName(ctx.prefix, b),
    {
      vhost: ctx.declared.vhostName(b.vhost),
      source: nameOf(source, b.source),
      destination: nameOf(destination, b.destination),
      destinationType: b.destinationType,
      routingKey: b.routingKey,
      argumentsJson: Object.keys(b.arguments).length === 0 ? undefined : JSON.stringify(b.arguments),
    },
    { ...ctx.opts, deleteBeforeReplace: true, replaceWith: ends },
  );
}

function nameOf(resource: rabbitmq.Exchange | rabbitmq.Queue | undefined, name: string): pulumi.Input<string> {
  return resource?.name ?? name;
}
