/**
 * Routing guarantees from the seed's reliability chapter, on objects the model declares:
 * a message no binding matches goes to the exchange's alternate exchange and lands in the queue
 * bound there; on an exchange without one, a mandatory publish comes back (basic.return).
 */
import { Check, expect } from "./types";
import { adminAmqp } from "../deployment";
import { withConnection } from "../load/amqp";
import { fetchMessage, probeId, publishMandatory } from "./messaging";

export const unroutableToAlternateExchange: Check = {
  name: "unroutable publish lands in the alternate exchange's queue",
  run: async (deployment) => {
    const { exchanges, bindings } = deployment.model.topology;
    const withAe = exchanges.find((e) => e.alternateExchange && bindings.some((b) => b.vhost === e.vhost && b.source === e.alternateExchange));
    expect(withAe !== undefined, "no declared exchange has an alternate exchange with a queue bound to it");
    const aeQueue = bindings.find((b) => b.vhost === withAe.vhost && b.source === withAe.alternateExchange && b.destinationType === "queue");
    expect(aeQueue !== undefined, `no queue is bound to ${withAe.alternateExchange ?? ""}`);
    const id = probeId("unroutable");
    await withConnection(adminAmqp(deployment, withAe.vhost), async (connection) => {
      const channel = await connection.createConfirmChannel();
      const published = await publishMandatory(channel, withAe.name, `e2e.unroutable.${id}`, id);
      expect(!published.returned, `the broker returned the message (${published.replyText ?? ""}) instead of using the alternate exchange`);
      await fetchMessage(channel, aeQueue.destination, id, 5_000);
    });
    return `${withAe.vhost}/${withAe.name} -> ${withAe.alternateExchange ?? ""} -> ${aeQueue.destination}`;
  },
};

export const mandatoryPublishReturned: Check = {
  name: "mandatory publish with no route and no alternate exchange comes back",
  run: async (deployment) => {
    const plain = deployment.model.topology.exchanges.find((e) => !e.alternateExchange && !e.internal && e.type !== "fanout");
    expect(plain !== undefined, "no declared exchange without an alternate exchange");
    const id = probeId("mandatory");
    const published = await withConnection(adminAmqp(deployment, plain.vhost), async (connection) =>
      publishMandatory(await connection.createConfirmChannel(), plain.name, `e2e.noroute.${id}`, id),
    );
    expect(published.returned, `publishing to ${plain.name} with no matching binding was not returned`);
    return `${plain.vhost}/${plain.name}: returned with ${published.replyText ?? ""}`;
  },
};
