/** A binding in a topology file. Bindings have no name: any change replaces the binding. */
import { z } from "zod";
import { objectName } from "./fields";

export const bindingSchema = z
  .strictObject({
    vhost: objectName().meta({ description: "Vhost of the source and destination. Required. Replaces the binding." }),
    source: objectName().meta({ description: "Exchange the binding routes from (declared in the stack, or a built-in amq.* exchange). Required. Replaces the binding." }),
    destination: objectName().meta({ description: "Queue or exchange the binding routes to, declared in the stack. Required. Replaces the binding." }),
    destinationType: z.enum(["queue", "exchange"]).default("queue").meta({ description: "queue or exchange. Default: queue. Replaces the binding." }),
    routingKey: z.string().default("").meta({ description: 'Routing key or pattern (topic: * one word, # zero or more). Default: "" (fanout and headers ignore it). Replaces the binding.' }),
    arguments: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .default({})
      .meta({ description: "Binding arguments, e.g. x-match: all for headers exchanges. Default: none. Replaces the binding." }),
  })
  .meta({ description: "A binding from an exchange to a queue or exchange." });

export type BindingInput = z.input<typeof bindingSchema>;
