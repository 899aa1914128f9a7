/** A topology shaped like the shipped config/*.yaml, built from the derive fixtures. */
import { deriveTopology } from "../../../model/derive";
import { deriveSettingsPolicies } from "../../../model/derive/settingsPolicies";
import type { PolicySpec, TopologySpec } from "../../../model/types";
import { binding, exchange, origin, queue, topology, user, vhost } from "../../model/derive/fixtures";

const policy = (fields: Partial<PolicySpec>): PolicySpec => ({
  name: "SALE_HA_POLICY", vhost: "SALE_VHOST", origin, pattern: "^(?!amq\\.).*", applyTo: "queues",
  priority: 1, definition: {}, operator: false, ...fields,
});

export function shippedLikeTopology(): TopologySpec {
  // Derived as the loader does (model/load.ts): retry expansion, then the queues' settings policies.
  return deriveSettingsPolicies(deriveTopology(topology({
    vhosts: [
      vhost({ maxConnections: 500, maxQueues: 200, description: "Orders flowing from sale." }),
      vhost({ name: "PRODUCT_VHOST", defaultQueueType: "quorum", tracing: true }),
    ],
    exchanges: [
      exchange({ alternateExchange: "SALE_TO_PRODUCT_UNROUTED_EXCHANGE" }),
      exchange({ name: "SALE_TO_PRODUCT_UNROUTED_EXCHANGE", type: "fanout" }),
      exchange({ name: "PRODUCT_DLX_EXCHANGE", type: "direct" }),
      exchange({ name: "PRODUCT_MATCH_EXCHANGE", type: "headers" }),
      exchange({ name: "PRODUCT_STORE_EXCHANGE", vhost: "PRODUCT_VHOST", type: "direct" }),
    ],
    queues: [
      queue({ retry: { intervalMs: 120_000, maxAttempts: 3 } }),
      queue({
        name: "PRODUCT_PRICE_QUEUE", type: "classic", messageTtlMs: 600_000, maxLength: 100_000, overflow: "reject-publish-dlx",
        deadLetter: { exchange: "PRODUCT_DLX_EXCHANGE", routingKey: "price.dead" },
      }),
      queue({
        name: "PRODUCT_STORE_SYNC_QUEUE", vhost: "PRODUCT_VHOST", singleActiveConsumer: true, deliveryLimit: 5,
        maxLengthBytes: 536_870_912, initialGroupSize: 3,
      }),
    ],
    bindings: [
      binding(),
      binding({ destination: "PRODUCT_PRICE_QUEUE", routingKey: "sale.price.#" }),
      binding({ source: "SALE_TO_PRODUCT_UNROUTED_EXCHANGE", destination: "SALE_TO_PRODUCT_UNROUTED_EXCHANGE_COPY", destinationType: "exchange", routingKey: "" }),
      binding({ source: "PRODUCT_MATCH_EXCHANGE", destination: "PRODUCT_PRICE_QUEUE", routingKey: "", arguments: { "x-match": "all", region: 7, vip: true } }),
      binding({ vhost: "PRODUCT_VHOST", source: "PRODUCT_STORE_EXCHANGE", destination: "PRODUCT_STORE_SYNC_QUEUE", routingKey: "store" }),
    ],
    policies: [
      policy({ definition: { "ha-mode": "exactly", "ha-params": 2, "ha-sync-mode": "automatic" } }),
      policy({ name: "PRODUCT_PRICE_LIMITS", pattern: "^PRODUCT_PRICE_QUEUE$", priority: 10, operator: true, definition: { "max-length-bytes": 268_435_456 } }),
      policy({ name: "PINNED", definition: { "ha-mode": "nodes", "ha-params": ["rabbit@a", "rabbit@b"] } }),
    ],
    users: [
      user({
        grants: [
          { vhost: "SALE_VHOST", publishes: [], consumes: ["PRODUCT_FROM_SALE_QUEUE", "PRODUCT_PRICE_QUEUE"] },
          { vhost: "PRODUCT_VHOST", publishes: ["PRODUCT_STORE_EXCHANGE"], consumes: ["PRODUCT_STORE_SYNC_QUEUE"] },
        ],
      }),
      user({ name: "sale-ops", tags: ["monitoring"], grants: [{ vhost: "SALE_VHOST", publishes: ["SALE_TO_PRODUCT_EXCHANGE"], consumes: [] }] }),
    ],
  })), "4.1", []);
}
