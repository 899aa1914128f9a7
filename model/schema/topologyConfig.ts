/** `rabbitmq-ha:topology`: which topology files a stack applies and how safely. */
import { z } from "zod";

export const topologyConfigSchema = z
  .strictObject({
    files: z
      .array(z.string().regex(/\.ya?ml$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a YAML file path (ends in .yaml or .yml)` }))
      .min(1)
      .meta({ description: "Topology files, relative to the project directory, e.g. config/sale.yaml. Required. Removing a file deletes its objects from the broker (unless protected)." }),
    tracing: z.array(z.string()).default([]).meta({
      description: "Vhosts with Firehose tracing switched on (for debugging). Default: none. In place.",
    }),
    protectQueues: z.boolean().default(true).meta({
      description: "Pulumi `protect` on queues and vhosts: `pulumi up` refuses to delete them. Default: true. In place (a resource option).",
    }),
    retainQueuesOnDelete: z.boolean().default(false).meta({
      description: "Pulumi `retainOnDelete` on queues: removed from the stack, kept on the broker. Default: false. In place (a resource option).",
    }),
    keepQueueArguments: z
      .array(z.string().min(1))
      .default([])
      .meta({
        description:
          "Queues (by name, or \"*\" for all) whose TTL, length, overflow, dead-letter and delivery-limit settings stay declare-time x-arguments, as deployments made before these settings moved to policies declared them: changing one of them replaces the queue. For stacks deployed before that change, until each queue is drained and replaced (docs/queue-settings.md). Default: none (settings are applied by a generated policy and change in place). Adding or removing a queue here replaces it.",
      }),
    keepExchangeArguments: z
      .array(z.string().min(1))
      .default([])
      .meta({
        description:
          "Exchanges (by name, or \"*\" for all) whose alternate exchange stays the declare-time `alternate-exchange` argument, as deployments made before it moved to a policy declared it: changing it then fails or replaces the exchange. For stacks deployed before that change (docs/queue-settings.md). Default: none (a generated policy applies it and it changes in place). Adding or removing an exchange here replaces it.",
      }),
    managementEndpoint: z
      .string()
      .regex(/^https?:\/\/[^\s/]+(:\d+)?\/?$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a management URL (http://HOST:PORT or https://HOST:PORT)` })
      .optional()
      .meta({ description: "Management API the topology is declared through. Default: http://<virtualIp>:15672. Replaces the topology's provider, not the objects." }),
  })
  .meta({ description: "The messaging topology of the stack. Required." });

export type TopologyConfigInput = z.input<typeof topologyConfigSchema>;
