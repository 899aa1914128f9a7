import * as rabbitmq from "@pulumi/rabbitmq";
import type { QueueSpec } from "../../model/types";
import { objectChildName } from "./childNames";
import { type BuildContext, DeclaredResources, safetyOptions } from "./context";
import { queueArguments } from "./queueArguments";

/**
 * A queue. `durable` is always sent: the provider defaults it to false, which would lose the
 * queue on a broker restart. Arguments go as JSON so numbers stay numbers. Every setting forces
 * replacement, which deletes the queue and its messages: hence the safety flags, and
 * delete-before-replace because the replacement has the same name.
 *
 * Declared after every policy of its vhost: on RabbitMQ 3.10 a queue declared while a matching
 * policy is being created can end up with no policy at all (seen in the end-to-end suite in 4 of
 * 5 deploys, a different queue each time); a queue declared after the policy exists takes it
 * at declaration.
 */
export function declareQueue(ctx: BuildContext, q: QueueSpec): rabbitmq.Queue {
  const resource = new rabbitmq.Queue(
    objectChildName(ctx.prefix, "queue", q),
    {
      name: q.name,
      vhost: ctx.declared.vhostName(q.vhost),
      settings: { durable: q.durable, autoDelete: q.autoDelete, argumentsJson: JSON.stringify(queueArguments(q)) },
    },
    { ...ctx.opts, ...safetyOptions(ctx.safety), deleteBeforeReplace: true, dependsOn: ctx.declared.policiesOf(q.vhost) },
  );
  ctx.declared.queues.set(DeclaredResources.key(q.vhost, q.name), resource);
  return resource;
}
