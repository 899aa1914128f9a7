/**
 * Names of the objects the retry expansion generates for one work queue.
 *
 * They follow the seed's conventions (type suffix, origin in the name): the queue's base name is
 * its name without the `_QUEUE` suffix, so PRODUCT_FROM_SALE_QUEUE yields
 * PRODUCT_FROM_SALE_RETRY_EXCHANGE, PRODUCT_FROM_SALE_RETRY_QUEUE,
 * PRODUCT_FROM_SALE_PARKING_EXCHANGE and PRODUCT_FROM_SALE_PARKING_QUEUE.
 * Used by the expansion and by `npm run names`, so both always agree.
 */

const QUEUE_SUFFIX = "_QUEUE";

export interface RetryObjectNames {
  /** Direct exchange: the work queue dead-letters here, the retry queue returns through it. */
  readonly retryExchange: string;
  /** Holds rejected messages for the retry interval (x-message-ttl). */
  readonly retryQueue: string;
  /** Fanout exchange consumers publish to once a message is past maxAttempts. */
  readonly parkingExchange: string;
  /** Where parked messages wait for a person (inspection, replay). */
  readonly parkingQueue: string;
}

/** PRODUCT_FROM_SALE_QUEUE -> PRODUCT_FROM_SALE; a name without the suffix is its own base. */
export function queueBaseName(queueName: string): string {
  const hasSuffix = queueName.endsWith(QUEUE_SUFFIX) && queueName.length > QUEUE_SUFFIX.length;
  return hasSuffix ? queueName.slice(0, -QUEUE_SUFFIX.length) : queueName;
}

export function retryObjectNames(queueName: string): RetryObjectNames {
  const base = queueBaseName(queueName);
  return {
    retryExchange: `${base}_RETRY_EXCHANGE`,
    retryQueue: `${base}_RETRY_QUEUE`,
    parkingExchange: `${base}_PARKING_EXCHANGE`,
    parkingQueue: `${base}_PARKING_QUEUE`,
  };
}
