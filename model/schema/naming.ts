/** `rabbitmq-ha:naming`: the naming conventions, the seed's by default. */
import { z } from "zod";
import { regexSource } from "./fields";

export const DEFAULT_NAMING = {
  vhost: "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_VHOST$",
  exchange: "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_EXCHANGE$",
  queue: "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_QUEUE$",
  user: "^[a-z][a-z0-9-]*$",
  requireSystemPrefix: true,
} as const;

export const namingSchema = z
  .strictObject({
    vhost: regexSource().default(DEFAULT_NAMING.vhost).meta({ description: `Validation only. Regular expression vhost names match. Default: ${DEFAULT_NAMING.vhost}` }),
    exchange: regexSource().default(DEFAULT_NAMING.exchange).meta({ description: `Validation only. Regular expression exchange names match. Default: ${DEFAULT_NAMING.exchange}` }),
    queue: regexSource().default(DEFAULT_NAMING.queue).meta({ description: `Validation only. Regular expression queue names match. Default: ${DEFAULT_NAMING.queue}` }),
    user: regexSource().default(DEFAULT_NAMING.user).meta({ description: `Validation only. Regular expression user names match. Default: ${DEFAULT_NAMING.user}` }),
    requireSystemPrefix: z.boolean().default(DEFAULT_NAMING.requireSystemPrefix).meta({
      description: "Vhosts, exchanges and queues start with their file's `system` and an underscore (SALE_...). Default: true. Validation only.",
    }),
  })
  .meta({ description: "Naming conventions. Optional; default: the seed's (XXX_VHOST, XXX_EXCHANGE, XXX_QUEUE, lowercase users)." });

export type NamingInput = z.input<typeof namingSchema>;
