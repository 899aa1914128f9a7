/** An application user in a topology file. Passwords never live here: see rabbitmq-ha:userPasswords. */
import { z } from "zod";
import { objectName } from "./fields";

/** RabbitMQ's default user; never declared by this project. */
export const GUEST = "guest";

export const USER_TAGS = ["administrator", "monitoring", "management", "policymaker"] as const;

export const permissionSchema = z
  .strictObject({
    vhost: objectName().meta({ description: "Vhost the grant is for. Required, once per user. Replaces the grant." }),
    publishes: z.array(objectName()).default([]).meta({ description: "Exchanges the user may publish to (write). Default: none. In place." }),
    consumes: z.array(objectName()).default([]).meta({ description: "Queues the user may consume from (read). Default: none. In place." }),
  })
  .meta({ description: "Least-privilege grants in one vhost, derived into configure/write/read patterns." });

export const userSchema = z
  .strictObject({
    // RabbitMQ's default user: connects from localhost only, and an old broker may still hold it
    // with the password "guest". The admin cannot be guest (schema/cluster.ts); neither can anyone.
    name: objectName()
      .refine((name) => name !== GUEST, { error: '"guest" cannot be a topology user (RabbitMQ\'s default user, limited to localhost and known to everyone; choose another name)' })
      .meta({ description: 'User name, e.g. sale-app (naming rules apply; not "guest"). Required, unique in the stack. Replaces the user.' }),
    description: z.string().optional().meta({ description: "Free text. Default: none. Not sent to the broker." }),
    tags: z.array(z.enum(USER_TAGS)).default([]).meta({ description: "RabbitMQ user tags. Default: none. In place." }),
    permissions: z.array(permissionSchema).default([]).meta({ description: "Grants per vhost. Default: none. In place." }),
  })
  .meta({ description: "An application user." });

export type UserInput = z.input<typeof userSchema>;
