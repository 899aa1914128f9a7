/**
 * An application's topology on the test broker, declared the way the Pulumi program's provider
 * sends it (numbers as numbers, x-queue-type explicit), and the model that declares it. The
 * probe must find the two equal, name every planted difference, and leave these objects alone.
 */
import type { Model } from "../../../model/types";
import { managementRequest, type TestBroker } from "./broker";
import { exchangeSpec, policySpec, queueSpec, testModel } from "./model";

export const SCENE_VHOST = "VT_VHOST";

async function put(broker: TestBroker, path: string, body: unknown): Promise<void> {
  const response = await managementRequest(broker, "PUT", path, body);
  if (!response.ok) throw new Error(`PUT ${path}: HTTP ${response.status} ${await response.text()}`);
}

export async function declareScene(broker: TestBroker): Promise<void> {
  const v = SCENE_VHOST;
  await put(broker, `/api/vhosts/${v}`, {});
  await put(broker, `/api/permissions/${v}/admin`, { configure: ".*", write: ".*", read: ".*" });
  const exchange = { durable: true, auto_delete: false, internal: false };
  await put(broker, `/api/exchanges/${v}/VT_UNROUTED_EXCHANGE`, { ...exchange, type: "fanout", arguments: {} });
  await put(broker, `/api/exchanges/${v}/VT_EXCHANGE`, { ...exchange, type: "topic", arguments: { "alternate-exchange": "VT_UNROUTED_EXCHANGE" } });
  await put(broker, `/api/exchanges/${v}/VT_DLX_EXCHANGE`, { ...exchange, type: "direct", arguments: {} });
  await put(broker, `/api/queues/${v}/VT_WORK_QUEUE`, {
    durable: true,
    auto_delete: false,
    arguments: {
      "x-queue-type": "quorum", "x-dead-letter-exchange": "VT_DLX_EXCHANGE", "x-dead-letter-routing-key": "dead",
      "x-delivery-limit": 5, "x-single-active-consumer": true, "x-max-length-bytes": 512000000,
    },
  });
  await put(broker, `/api/queues/${v}/VT_PRICE_QUEUE`, {
    durable: true,
    auto_delete: false,
    arguments: {
      "x-queue-type": "classic", "x-message-ttl": 600000, "x-max-length": 100000, "x-overflow": "reject-publish-dlx",
      "x-dead-letter-exchange": "VT_DLX_EXCHANGE",
    },
  });
  // As terraform-provider-rabbitmq's putPolicy sends them: integer-looking strings as integers.
  await put(broker, `/api/policies/${v}/VT_LIMIT_POLICY`, {
    pattern: "^VT_PRICE", "apply-to": "queues", priority: 1, definition: { "max-length": 5000, overflow: "reject-publish" },
  });
  await put(broker, `/api/operator-policies/${v}/VT_CAP_POLICY`, {
    pattern: ".*", "apply-to": "queues", priority: 0, definition: { "max-length-bytes": 256000000 },
  });
}

/** The model of the scene; with `drift`, four planted differences the probe must name. */
export function sceneModel(broker: TestBroker, { drift = false } = {}): Model {
  const vhost = SCENE_VHOST;
  const hostname = drift ? "rabbit9" : broker.nodeName.replace(/^rabbit@/, "");
  return testModel({
    nodes: [{ hostname, type: "disc", address: "10.99.0.11", host: "local", servesClients: true, limits: { memoryMiB: 1024, cpus: 1 } }],
    topology: {
      exchanges: [
        exchangeSpec({ name: "VT_UNROUTED_EXCHANGE", vhost, type: "fanout" }),
        // Declared with the argument, as a stack with `keepExchangeArguments: ["*"]` declares it.
        exchangeSpec({ name: "VT_EXCHANGE", vhost, type: "topic", alternateExchange: "VT_UNROUTED_EXCHANGE", settingsAsArguments: true }),
        exchangeSpec({ name: "VT_DLX_EXCHANGE", vhost }),
      ],
      // Declared as a stack with `keepQueueArguments: ["*"]` declares them (deployed before queue
      // settings moved to policies): settings as x-arguments, the probe compares them as such.
      queues: [
        queueSpec({
          settingsAsArguments: true, name: "VT_WORK_QUEUE", vhost, type: "quorum", deadLetter: { exchange: "VT_DLX_EXCHANGE", routingKey: "dead" },
          deliveryLimit: 5, singleActiveConsumer: true, maxLengthBytes: 512000000,
        }),
        queueSpec({
          settingsAsArguments: true, name: "VT_PRICE_QUEUE", vhost, messageTtlMs: drift ? 60000 : 600000, maxLength: 100000, overflow: "reject-publish-dlx",
          deadLetter: { exchange: "VT_DLX_EXCHANGE", routingKey: undefined },
        }),
        ...(drift ? [queueSpec({ name: "VT_MISSING_QUEUE", vhost })] : []),
      ],
      policies: [
        policySpec({ name: "VT_LIMIT_POLICY", vhost, pattern: "^VT_PRICE", priority: drift ? 5 : 1, definition: { "max-length": 5000, overflow: "reject-publish" } }),
        policySpec({ name: "VT_CAP_POLICY", vhost, operator: true, definition: { "max-length-bytes": 256000000 } }),
      ],
    },
  });
}
