/** `rabbitmq-ha:network`: the bridge network the cluster lives on. */
import { z } from "zod";
import { cidr, ipv4 } from "./fields";

export const networkSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, {
        error: (issue) => `${JSON.stringify(issue.input)} is not a Docker network name (letters, digits, _ . -; starts with a letter or digit)`,
      })
      .meta({ description: "Docker network name. Required. Changing it replaces the network and every container on it." }),
    subnet: cidr().meta({
      description: "IPv4 subnet in CIDR form, e.g. 172.28.8.0/24; every fixed address lies inside it. Required. Replaces the network and every container.",
    }),
    gateway: ipv4()
      .optional()
      .meta({ description: "Gateway address inside the subnet. Default: the first host address (e.g. 172.28.8.1). Replaces the network." }),
  })
  .meta({ description: "The Docker bridge network of the cluster. Required." });

export type NetworkInput = z.input<typeof networkSchema>;
