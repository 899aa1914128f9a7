/** One topology file (config/<system>.yaml): everything one system declares. */
import { z } from "zod";
import { bindingSchema } from "./binding";
import { exchangeSchema } from "./exchange";
import { policySchema } from "./policy";
import { queueSchema } from "./queue";
import { userSchema } from "./user";
import { vhostSchema } from "./vhost";

export const topologyFileSchema = z
  .strictObject({
    system: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a system name (letters, digits, underscores, e.g. SALE)` })
      .meta({ description: "The system this file belongs to, e.g. SALE; its vhosts, exchanges and queues start with SALE_. Required. Validation and `npm run names` grouping only." }),
    vhosts: z.array(vhostSchema).default([]).meta({ description: "Vhosts. Default: none." }),
    exchanges: z.array(exchangeSchema).default([]).meta({ description: "Exchanges. Default: none." }),
    queues: z.array(queueSchema).default([]).meta({ description: "Queues. Default: none." }),
    bindings: z.array(bindingSchema).default([]).meta({ description: "Bindings. Default: none." }),
    policies: z.array(policySchema).default([]).meta({ description: "Policies and operator policies. Default: none." }),
    users: z.array(userSchema).default([]).meta({ description: "Application users. Default: none." }),
  })
  .meta({ title: "rabbitmq-ha topology file", description: "One system's messaging topology (see docs/config-reference.md)." });

export type TopologyFileInput = z.input<typeof topologyFileSchema>;
export type TopologyFile = z.output<typeof topologyFileSchema>;
