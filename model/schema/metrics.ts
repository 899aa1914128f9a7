/** `rabbitmq-ha:metrics`: how the Prometheus scrape config `npm run render` writes scrapes the stack. */
import { z } from "zod";
import { positiveDuration } from "./fields";

export const metricsSchema = z
  .strictObject({
    scrapeInterval: positiveDuration().default("15s").meta({
      description: "scrape_interval of every job, e.g. 15s. Default: 15s (RabbitMQ's published Grafana dashboards assume 15s). Changes the rendered prometheus.yml only.",
    }),
    labels: z
      .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)` }), z.string())
      .default({})
      .meta({ description: "Labels added to every target, e.g. {env: prod}. Default: none (each target has `stack` and `component`). Changes the rendered prometheus.yml only." }),
  })
  .meta({
    description:
      "Metrics. Optional. Every node serves rabbitmq_prometheus on 15692, every load balancer HAProxy's exporter (with the VIP state) on 8405, at their addresses on the cluster network (the Docker host reaches them); `npm run render` writes prometheus.yml listing them.",
  });

export type MetricsInput = z.input<typeof metricsSchema>;
