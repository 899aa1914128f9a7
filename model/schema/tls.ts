/** `rabbitmq-ha:tls`: AMQPS and HTTPS management on every node, through the load balancers. */
import { z } from "zod";
import { TLS_SOURCES } from "../tls/spec";

export const tlsSchema = z
  .strictObject({
    enabled: z.boolean().default(false).meta({
      description:
        "AMQPS (5671) and HTTPS management (15671) on every node and through the VIP (TCP passthrough); the topology provider and verify use HTTPS with the CA. Default: false. Changing it replaces every node and both load balancers.",
    }),
    plainListeners: z.boolean().default(true).meta({
      description:
        "Keep plain AMQP (5672) and HTTP management (15672) open beside TLS, for clients not yet moved over. false closes them on the nodes and the load balancers. Default: true. Replaces every node and both load balancers.",
    }),
    certificates: z.enum(TLS_SOURCES).default("generated").meta({
      description:
        "generated: a stack CA and one certificate per node (its hostname, address and the VIP as SANs) made at `pulumi up` by @pulumi/tls and kept in state. given: the secret keys rabbitmq-ha:tlsPrivateKey, rabbitmq-ha:tlsCertificate and rabbitmq-ha:tlsCaCertificate (PEM), one certificate for every node. Default: generated. Replaces every node and both load balancers.",
    }),
    validityDays: z.number().int().min(31).max(3650).default(825).meta({
      description:
        "Validity of generated node certificates in days, 31-3650 (the CA gets 10 years). Within 30 days of expiry the next `pulumi up` warns. Default: 825. Changes replace the certificates, hence every node.",
    }),
  })
  .meta({ description: "TLS for clients and the management API. Default: off." });

export type TlsInput = z.input<typeof tlsSchema>;
