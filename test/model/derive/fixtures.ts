/** One base object per kind; each test changes only the fields it is about. */
import type { BindingSpec, ExchangeSpec, Origin, QueueSpec, TopologySpec, UserSpec, VhostSpec } from "../../../model/types";

export const origin: Origin = { file: "config/product.yaml", system: "PRODUCT" };

export function vhost(fields: Partial<VhostSpec> = {}): VhostSpec {
  return {
    name: "SALE_VHOST", origin, description: undefined, defaultQueueType: undefined,
    tracing: false, maxConnections: undefined, maxQueues: undefined, ...fields,
  };
}

export function exchange(fields: Partial<ExchangeSpec> = {}): ExchangeSpec {
  return {
    name: "SALE_TO_PRODUCT_EXCHANGE", vhost: "SALE_VHOST", origin, type: "topic", durable: true,
    autoDelete: false, internal: false, alternateExchange: undefined, description: undefined, ...fields,
  };
}

export function queue(fields: Partial<QueueSpec> = {}): QueueSpec {
  return {
    name: "PRODUCT_FROM_SALE_QUEUE", vhost: "SALE_VHOST", origin, type: "quorum", durable: true,
    autoDelete: false, deadLetter: undefined, messageTtlMs: undefined, maxLength: undefined,
    maxLengthBytes: undefined, overflow: undefined, singleActiveConsumer: false,
    deliveryLimit: undefined, initialGroupSize: undefined, retry: undefined,
    generatedFor: undefined, description: undefined, ...fields,
  };
}

export function binding(fields: Partial<BindingSpec> = {}): BindingSpec {
  return {
    vhost: "SALE_VHOST", origin, source: "SALE_TO_PRODUCT_EXCHANGE", destination: "PRODUCT_FROM_SALE_QUEUE",
    destinationType: "queue", routingKey: "sale.order.*", arguments: {}, ...fields,
  };
}

export function user(fields: Partial<UserSpec> = {}): UserSpec {
  return { name: "product-app", origin, description: undefined, tags: [], grants: [], ...fields };
}

export function topology(fields: Partial<TopologySpec> = {}): TopologySpec {
  return {
    files: ["config/product.yaml"], vhosts: [vhost()], exchanges: [exchange()], queues: [queue()],
    bindings: [binding()], policies: [], users: [], ...fields,
  };
}
