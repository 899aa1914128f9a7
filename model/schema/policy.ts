/** A policy or operator policy in a topology file; definition keys are checked by model/rules/policyKeys.ts. */
import { z } from "zod";
import { POLICY_APPLY_TO } from "../types";
import { objectName, regexSource } from "./fields";

export const policySchema = z
  .strictObject({
    name: objectName().meta({ description: "Policy name, unique per vhost (operator policies have their own names). Required. Renaming replaces the policy." }),
    vhost: objectName().meta({ description: "Vhost the policy applies in. Required. Replaces the policy." }),
    pattern: regexSource().meta({ description: "Regular expression matched against queue/exchange names, e.g. ^SALE_. Required. In place." }),
    applyTo: z.enum(POLICY_APPLY_TO).default("all").meta({
      description: "queues, exchanges, all, classic_queues, quorum_queues or streams (the last three need 3.12+). Default: all. In place.",
    }),
    priority: z.number().int().default(0).meta({
      description: "Only the highest-priority matching policy applies to an object; equal priorities on one object are refused. Default: 0. In place.",
    }),
    definition: z
      .record(z.string(), z.unknown())
      .refine((definition) => Object.keys(definition).length > 0, { error: "the definition is empty (at least one policy key, e.g. message-ttl)" })
      .meta({
        description:
          "Policy keys as RabbitMQ spells them (message-ttl, max-length-bytes, ha-mode, ...). message-ttl and expires take durations (10m), max-length-bytes sizes (256MB). No booleans. Required. In place.",
      }),
    operator: z.boolean().default(false).meta({
      description: "An operator policy: merged with the regular one, only limit keys allowed. Default: false. Replaces the policy.",
    }),
  })
  .meta({ description: "A policy." });

export type PolicyInput = z.input<typeof policySchema>;
