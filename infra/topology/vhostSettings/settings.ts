/**
 * The settings a vhost's VhostSettings resource applies, from the model and the version.
 * Pure. The default queue type is vhost metadata from RabbitMQ 3.11 on (the HTTP field was
 * spelled `defaultqueuetype` in 3.11.0 and `default_queue_type` after; we send the latter).
 */
import type { RabbitSeries, VhostSpec } from "../../../model/types";
import type { VhostSettingsValues } from "./api";

const SERIES_WITHOUT_DEFAULT_QUEUE_TYPE: readonly RabbitSeries[] = ["3.10"];

export function vhostSettingsFor(v: VhostSpec, version: RabbitSeries): VhostSettingsValues {
  const withQueueType = v.defaultQueueType !== undefined && !SERIES_WITHOUT_DEFAULT_QUEUE_TYPE.includes(version);
  return {
    vhost: v.name,
    description: v.description ?? "",
    tracing: v.tracing,
    ...(withQueueType ? { defaultQueueType: v.defaultQueueType } : {}),
    ...(v.maxConnections !== undefined ? { maxConnections: v.maxConnections } : {}),
    ...(v.maxQueues !== undefined ? { maxQueues: v.maxQueues } : {}),
  };
}
