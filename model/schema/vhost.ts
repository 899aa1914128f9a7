/** A vhost in a topology file. */
import { z } from "zod";
import { QUEUE_TYPES } from "../types";
import { objectName } from "./fields";

const limit = () => z.number().int().min(0);

export const vhostSchema = z
  .strictObject({
    name: objectName().meta({ description: "Vhost name, e.g. SALE_VHOST (naming rules apply). Required, unique. Changing it replaces the vhost and everything in it." }),
    description: z.string().optional().meta({ description: "Free text shown in the management UI. Default: none. In place." }),
    defaultQueueType: z.enum(QUEUE_TYPES).optional().meta({
      description: "Queue type for queues declared without one in this vhost. Default: the cluster's defaultQueueType, else classic. Changing it replaces the queues of this vhost declared without a type.",
    }),
    limits: z
      .strictObject({
        maxConnections: limit().optional().meta({ description: "max-connections vhost limit. Default: unlimited. In place." }),
        maxQueues: limit().optional().meta({ description: "max-queues vhost limit. Default: unlimited. In place." }),
      })
      .optional()
      .meta({ description: "Vhost limits. Default: none. In place." }),
  })
  .meta({ description: "A virtual host." });

export type VhostInput = z.input<typeof vhostSchema>;
