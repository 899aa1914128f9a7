/** A queue in a topology file. Every setting but `description` is a queue argument: changing it replaces the queue. */
import { z } from "zod";
import { OVERFLOW, QUEUE_TYPES } from "../types";
import { duration, objectName, size } from "./fields";

const REPLACES = "Replaces the queue (its messages are lost).";

export const deadLetterSchema = z
  .strictObject({
    exchange: objectName().meta({ description: "Dead-letter exchange in the same vhost. Required. Replaces the queue." }),
    routingKey: z.string().optional().meta({ description: "Routing key dead letters are republished with. Default: the message's own. Replaces the queue." }),
  })
  .meta({ description: `Where rejected, expired and overflowing messages go. Default: none. ${REPLACES}` });

export const retrySchema = z
  .strictObject({
    every: duration().meta({ description: "Delay before a rejected message is redelivered, e.g. 2m. Required. Replaces the retry queue." }),
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
    messageTtl: duration().optional().meta({ description: `x-message-ttl, e.g. 10m. Default: none. ${REPLACES}` }),
    maxLength: z.number().int().min(0).optional().meta({ description: `x-max-length in messages. Default: unlimited. ${REPLACES}` }),
    maxLengthBytes: size().optional().meta({ description: `x-max-length-bytes, e.g. 512MB. Default: unlimited. ${REPLACES}` }),
    overflow: z.enum(OVERFLOW).optional().meta({
      description: `x-overflow when a length limit is hit; reject-publish-dlx is classic only. Default: drop-head. ${REPLACES}`,
    }),
    singleActiveConsumer: z.boolean().default(false).meta({ description: `One consumer at a time, for ordered work. Default: false. ${REPLACES}` }),
    deliveryLimit: z.number().int().min(-1).optional().meta({
      description: `x-delivery-limit, quorum only (-1: unlimited, 4.x). Default: none on 3.x, 20 on 4.x. ${REPLACES}`,
    }),
    initialGroupSize: z.number().int().min(1).optional().meta({
      description: `x-quorum-initial-group-size, quorum only, at most the node count. Default: all nodes. ${REPLACES}`,
    }),
    retry: retrySchema.optional(),
    description: z.string().optional().meta({ description: "Free text for humans and `npm run names`. Default: none. Not sent to the broker." }),
  })
  .meta({ description: "A queue." });

export type QueueInput = z.input<typeof queueSchema>;
