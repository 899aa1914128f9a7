/**
 * The queues the suite publishes load into: the E2E_LOAD_* queues of the e2e topology
 * (test/e2e/config), each with the exchange and routing key the model binds it with. The 3.x
 * stack adds a mirrored classic queue next to the quorum queue.
 */
import type { QueueType } from "../../../model/types";
import type { Deployment } from "../deployment";
import type { Route } from "./publisher";

export interface LoadRoute extends Route {
  readonly vhost: string;
  readonly queue: string;
  readonly queueType: QueueType;
}

const LOAD_QUEUE = /^E2E_LOAD_[A-Z_]+_QUEUE$/;

export function loadRoutes(deployment: Deployment): LoadRoute[] {
  const { queues, bindings } = deployment.model.topology;
  const routes = queues
    .filter((queue) => LOAD_QUEUE.test(queue.name))
    .flatMap((queue) => {
      const binding = bindings.find((b) => b.vhost === queue.vhost && b.destination === queue.name && b.destinationType === "queue");
      return binding
        ? [{ vhost: queue.vhost, queue: queue.name, queueType: queue.type, exchange: binding.source, routingKey: binding.routingKey }]
        : [];
    });
  if (routes.length === 0) throw new Error("the stack declares no bound E2E_LOAD_*_QUEUE (add test/e2e/config/e2e.yaml to its topology files)");
  return routes;
}
