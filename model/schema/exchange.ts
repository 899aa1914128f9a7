/** An exchange in a topology file. */
import { z } from "zod";
import { EXCHANGE_TYPES } from "../types";
import { objectName } from "./fields";

export const INTERNAL_REFUSED = "internal exchanges cannot be declared: @pulumi/rabbitmq has no such setting (allowed: false)";

export const exchangeSchema = z
  .strictObject({
    name: objectName().meta({ description: "Exchange name, e.g. SALE_TO_PRODUCT_EXCHANGE (naming rules apply; no `/`, no `amq.` prefix). Required, unique per vhost. Replaces." }),
    vhost: objectName().meta({ description: "Vhost the exchange lives in; declared in any file of the stack. Required. Replaces." }),
    type: z.enum(EXCHANGE_TYPES).meta({ description: "direct, topic, fanout or headers. Required. Replaces." }),
    durable: z.boolean().default(true).meta({ description: "Survives a broker restart. Default: true. Replaces." }),
    autoDelete: z.boolean().default(false).meta({ description: "Deleted when its last binding goes. Default: false. Replaces." }),
    // @pulumi/rabbitmq (3.3.8, the newest) cannot declare an internal exchange; accepting `true`
    // would deploy an exchange every client may publish to. `const` lets editors flag it too.
    internal: z
      .boolean()
      .refine((internal) => !internal, { error: INTERNAL_REFUSED })
      .default(false)
      .meta({ const: false, description: "Must be false: @pulumi/rabbitmq cannot declare internal exchanges. Default: false." }),
    alternateExchange: objectName().optional().meta({
      description:
        "Exchange in the same vhost that receives what this one cannot route (the seed's backup exchange). Applied by the exchange's own policy: changes in place (unless the exchange is listed in keepExchangeArguments). Default: none.",
    }),
    description: z.string().optional().meta({ description: "Free text for humans and `npm run names`. Default: none. Not sent to the broker." }),
  })
  .meta({ description: "An exchange." });

export type ExchangeInput = z.input<typeof exchangeSchema>;
