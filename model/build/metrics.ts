/** `rabbitmq-ha:metrics` (schema-valid, or absent) -> MetricsSpec. */
import type { z } from "zod";
import { metricsSchema } from "../schema/metrics";
import type { MetricsSpec } from "../types";
import { durationMs } from "../units";

export function buildMetrics(input: z.output<typeof metricsSchema> | undefined): MetricsSpec {
  const metrics = input ?? metricsSchema.parse({});
  return { scrapeIntervalMs: durationMs(metrics.scrapeInterval), labels: metrics.labels };
}
