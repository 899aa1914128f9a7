/**
 * Container resource limits (`cluster.resources`, a node's own `resources`,
 * `loadBalancers.resources`): Docker's memory limit and CPU quota. Both change in place
 * (`docker update`) for memory; a changed `cpus` replaces the container (see engine/plan/changeTable.ts).
 */
import { z } from "zod";
import { parseSize } from "../units";
import { size } from "./fields";

const MIB = 1024 * 1024;

/** Docker refuses a memory limit below 6 MiB; RabbitMQ does not boot in much less than 128 MiB. */
export const MIN_CONTAINER_MEMORY_BYTES = 32 * MIB;
export const MAX_CPUS = 1024;

function memory(defaultSize: string, why: string) {
  return size()
    .superRefine((text, ctx) => {
      const parsed = parseSize(text);
      if (parsed.ok && parsed.value < MIN_CONTAINER_MEMORY_BYTES) {
        ctx.addIssue({ code: "custom", message: `"${text}" is below 32MiB (allowed: at least 32MiB, e.g. 1GiB)` });
      }
    })
    .default(defaultSize)
    .meta({
      description: `Docker memory limit of the container, e.g. 1GiB (whole MiB; rounded down). Default: ${defaultSize} (${why}). Updated in place.`,
    });
}

const cpus = (defaultCpus: number) =>
  z.number().gt(0).max(MAX_CPUS).default(defaultCpus).meta({
    description: `CPUs the container may use (Docker --cpus, a CFS quota: 1.5 = one and a half CPUs). Default: ${defaultCpus}. Replaces the container.`,
  });

/** Nodes: idle about 150 MiB, up to about 600 MiB under load in the lab (shared/notes/platform-facts.md). */
export const nodeResourcesSchema = z
  .strictObject({ memory: memory("1GiB", "a node peaks near 600MiB under the lab's load"), cpus: cpus(1) })
  .prefault({})
  .meta({ description: "Memory and CPU limits of every RabbitMQ node container; the memory watermark is computed against this limit." });

/** A node's own limits; each field defaults to the cluster's. */
export const nodeOwnResourcesSchema = z
  .strictObject({
    memory: size().optional().meta({ description: "This node's memory limit. Default: cluster.resources.memory. Updated in place." }),
    cpus: z.number().gt(0).max(MAX_CPUS).optional().meta({ description: "This node's CPU limit. Default: cluster.resources.cpus. Replaces the node." }),
  })
  .optional()
  .meta({ description: "Limits of this node only (overrides cluster.resources field by field)." });

/** HAProxy + Keepalived: about 12 MiB idle; HAProxy needs about 32 KiB per connection (two 16 KiB buffers). */
export const loadBalancerResourcesSchema = z
  .strictObject({ memory: memory("512MiB", "HAProxy's default 4000 connections need about 128MiB of buffers"), cpus: cpus(1) })
  .prefault({})
  .meta({ description: "Memory and CPU limits of each load-balancer container (HAProxy and Keepalived)." });

