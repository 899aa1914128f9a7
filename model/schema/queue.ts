/**
 * A queue in a topology file. Identity, type, durability, auto-delete, single active consumer and
 * the initial group size are declare-time: changing one replaces the queue. TTL, lengths,
 * overflow, dead-lettering and the delivery limit are applied by the queue's own generated policy
 * and change in place (docs/queue-settings.md).
 */
import { z } from "zod";
import { OVERFLOW, QUEUE_TYPES } from "../types";
import { duration, objectName, size } from "./fields";

const REPLACES = "Replaces the queue (its messages are lost).";
const BY_POLICY = "Applied by the queue's own policy: changes in place (replaces the queue only if it is listed in keepQueueArguments).";

export const deadLetterSchema = z
  .strictObject({
    exchange: objectName().meta({ description: `Dead-letter exchange in the same vhost. Required. ${BY_POLICY}` }),
    routingKey: z.string().optional().meta({ description: `Routing key dead letters are republished with. Default: the message's own. ${BY_POLICY}` }),
  })
  .meta({ description: `Where rejected, expired and overflowing messages go. Default: none. ${BY_POLICY}` });

export const retrySchema = z
  .strictObject({
    every: duration().meta({ description: "Delay before a rejected message is redelivered, e.g. 2m. Required. The retry queue's TTL, applied by its own policy: changes in place." }),
    maxAttempts: z.number().int().min(1).meta({ description: "Redeliveries before the message is parked. Required. Replaces the retry queues." }),
  })
  .meta({
    description: "The seed's compensation rule: expands into retry and parking-lot queues named by the conventions. Excludes deadLetter. Default: none. Replaces.",
  });

export const queueSchema = z
  .strictObject({
    name: objectName().meta({ description: `Queue name, e.g. PRODUCT_FROM_SALE_QUEUE (naming rules apply; no \`/\`, no \`amq.\` prefix). Required, unique per vhost. ${REPLACES}` }),
    vhost: objectName().meta({ description: `Vhost the queue lives in; declared in any file of the stack. Required. ${REPLACES}` }),
    type: z.enum(QUEUE_TYPES).optional().meta({
      description: `classic or quorum. Default: the vhost's defaultQueueType, else the cluster's, else classic. ${REPLACES}`,
    }),
    durable: z.boolean().default(true).meta({ description: `Survives a broker restart; quorum queues must be durable. Default: true. ${REPLACES}` }),
    autoDelete: z.boolean().default(false).meta({ description: `Deleted when its last consumer goes; not for quorum queues. Default: false. ${REPLACES}` }),
    deadLetter: deadLetterSchema.optional(),
    messageTtl: duration().optional().meta({ description: `Message TTL (policy key message-ttl), e.g. 10m. Default: none. ${BY_POLICY}` }),
    maxLength: z.number().int().min(0).optional().meta({ description: `Maximum length in messages (policy key max-length). Default: unlimited. ${BY_POLICY}` }),
    maxLengthBytes: size().optional().meta({ description: `Maximum length in bytes (policy key max-length-bytes), e.g. 512MB. Default: unlimited. ${BY_POLICY}` }),
    overflow: z.enum(OVERFLOW).optional().meta({
      description: `What happens when a length limit is hit (policy key overflow); reject-publish-dlx is classic only. Default: drop-head. ${BY_POLICY}`,
    }),
    singleActiveConsumer: z.boolean().default(false).meta({ description: `One consumer at a time, for ordered work. Default: false. ${REPLACES}` }),
    deliveryLimit: z.number().int().min(-1).optional().meta({
      description: `Delivery limit (policy key delivery-limit), quorum only (-1: unlimited, 4.x). Default: none on 3.x, 20 on 4.x. ${BY_POLICY}`,
    }),
    initialGroupSize: z.number().int().min(1).optional().meta({
      description: `x-quorum-initial-group-size, quorum only, at most the node count. Default: all nodes. ${REPLACES}`,
    }),
    retry: retrySchema.optional(),
    description: z.string().optional().meta({ description: "Free text for humans and `npm run names`. Default: none. Not sent to the broker." }),
  })
  .meta({ description: "A queue." });

export type QueueInput = z.input<typeof queueSchema>;
