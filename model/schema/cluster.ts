/** `rabbitmq-ha:cluster`: the RabbitMQ nodes and broker-wide settings (rabbitmq.conf). */
import { z } from "zod";
import { NODE_TYPES, PARTITION_HANDLING, QUEUE_TYPES, RABBITMQ_SERIES } from "../types";
import { MAX_MESSAGE_SIZE_LIMIT_BYTES, parseSize } from "../units";
import { duration, hostname, ipv4, positiveDuration, size } from "./fields";
import { nodeOwnResourcesSchema, nodeResourcesSchema } from "./resources";

export const clusterNodeSchema = z
  .strictObject({
    hostname: hostname().meta({
      description: "Container hostname; the Erlang node is rabbit@<hostname>. Required, unique. Replaces the node (its data directory is named after it).",
    }),
    type: z.enum(NODE_TYPES).default("disc").meta({
      description: "disc or ram. Default: disc. RAM nodes are deprecated (3.x-4.1) and refused on 4.2+. Replaces the node.",
    }),
    address: ipv4().meta({ description: "Fixed IPv4 address inside the network subnet. Required, unique. Replaces the node." }),
    host: z.string().optional().meta({ description: "Name of an entry in `hosts`. Default: the first host. Replaces the node." }),
    servesClients: z.boolean().optional().meta({
      description:
        "Whether HAProxy sends client traffic to this node. Default: true for RAM nodes; for disc nodes true only when the cluster has no RAM node (the seed sends clients to RAM nodes). Changes the load balancers only.",
    }),
    resources: nodeOwnResourcesSchema,
  })
  .meta({ description: "One RabbitMQ node." });

export const clusterSchema = z
  .strictObject({
    version: z.enum(RABBITMQ_SERIES).meta({
      description: 'RabbitMQ series the image runs, quoted ("3.13", "4.1"); decides which features are legal. Required. Changing it changes the default image (replaces every node).',
    }),
    image: z.string().min(1).optional().meta({
      description: "Image reference. Default: the official management image of the series, e.g. rabbitmq:3.13-management. Replaces every node.",
    }),
    nodes: z.array(clusterNodeSchema).min(1).meta({
      description: "The nodes; the first disc node starts first and seeds the cluster. Required, at least one disc node.",
    }),
    partitionHandling: z.enum(PARTITION_HANDLING).optional().meta({
      description:
        "cluster_partition_handling. Default: pause_minority with three or more nodes where the version honours it (not 4.3), otherwise unset. Refused on two nodes and on 4.3. Restarts nodes.",
    }),
    memoryHighWatermark: z.number().gt(0).max(1).default(0.6).meta({
      description: "Memory watermark as a fraction (0 < x <= 1) of the node container's memory limit (resources.memory), written as vm_memory_high_watermark.absolute: RabbitMQ cannot always see a container's limit and would take the host's RAM. Default: 0.6. Restarts nodes.",
    }),
    resources: nodeResourcesSchema,
    diskFreeLimit: size().default("2GB").meta({ description: "disk_free_limit.absolute, e.g. 1GB. Default: 2GB. Restarts nodes." }),
    maxMessageSize: size()
      .superRefine((text, ctx) => {
        const parsed = parseSize(text);
        if (parsed.ok && parsed.value > MAX_MESSAGE_SIZE_LIMIT_BYTES) {
          ctx.addIssue({ code: "custom", message: `"${text}" is above RabbitMQ's limit (at most 512MiB)` });
        }
        if (parsed.ok && parsed.value === 0) ctx.addIssue({ code: "custom", message: `"${text}" is zero (at least 1B, at most 512MiB)` });
      })
      .default("4MiB").meta({
      description: "max_message_size, at most 512MiB (RabbitMQ's limit). Default: 4MiB (the seed keeps single messages at or under 4 MB). Restarts nodes.",
    }),
    defaultQueueType: z.enum(QUEUE_TYPES).optional().meta({
      description: "default_queue_type in rabbitmq.conf (3.13 and 4.x only). Default: quorum on 4.x, unset on 3.x. Restarts nodes, and replaces the queues declared without a type (here or in their vhost).",
    }),
    discoveryRetryLimit: z.number().int().min(1).default(30).meta({
      description: "cluster_formation.discovery_retry_limit of every node but the seed (it starts before its peers exist, so rabbitmq-ha bounds its retries). Default: 30. Restarts nodes.",
    }),
    discoveryRetryInterval: positiveDuration().default("1s").meta({
      description: "cluster_formation.discovery_retry_interval, e.g. 1s, of every node but the seed (rabbitmq-ha bounds its retries). Default: 1s. Restarts nodes.",
    }),
    extraPlugins: z
      .array(z.string().regex(/^rabbitmq_[a-z0-9_]+$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a plugin name (rabbitmq_<name>, e.g. rabbitmq_shovel)` }))
      .default([])
      .meta({ description: "Plugins enabled besides rabbitmq_management and rabbitmq_prometheus. Default: none. Restarts nodes." }),
    retainNodeData: z.boolean().default(true).meta({
      description:
        "Keep a node's data volume when its node leaves the stack (removed from `nodes`) or the stack is destroyed (the volume gets Pulumi's retainOnDelete). Default: true. Set false to delete the volume with its node. Applies to deletes after the run that sets it (Pulumi reads retainOnDelete from the state).",
    }),
    adminUser: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a user name (lowercase letters, digits, hyphens)` })
      .refine((name) => name !== "guest", { error: '"guest" cannot be the admin user (RabbitMQ lets guest connect from localhost only; choose another name)' })
      .default("admin")
      .meta({
        description:
          'Administrator created at first boot (guest is never created). Default: "admin". Its password is the secret rabbitmq-ha:adminPassword, changed on the running broker (no restart). Cannot change once deployed.',
      }),
    allowCookieRotation: z.boolean().default(false).meta({
      description:
        "Lets a changed rabbitmq-ha:erlangCookie through on a deployed cluster. Default: false (refused, with what it takes). A cookie rotation needs a planned full stop of every node: nodes with different cookies cannot talk. Set it for that one update, then back to false.",
    }),
  })
  .meta({ description: "The RabbitMQ cluster. Required." });

export type ClusterInput = z.input<typeof clusterSchema>;
export type ClusterNodeInput = z.input<typeof clusterNodeSchema>;
