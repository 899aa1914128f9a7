/**
 * The message-level checks in the order they run: delivery once per queue type the stack uses,
 * then the three routing checks on the stack's preferred queue type.
 */
import type { Model, QueueType } from "../../model/types";
import { CHECK, fail, type Outcome, type PlannedCheck } from "../check";
import type { ProbeContext } from "../probe/context";
import { deliveryCheck } from "./delivery";
import { alternateExchangeCheck, deadLetterCheck, mandatoryReturnCheck } from "./routing";

/** The queue types the stack declares (both when there is no model to ask), quorum first. */
export function probedQueueTypes(model: Model | undefined): QueueType[] {
  const declared = new Set(model?.topology.queues.map((queue) => queue.type) ?? ["quorum", "classic"]);
  const types = (["quorum", "classic"] as const).filter((type) => declared.has(type));
  return types.length > 0 ? types : ["classic"];
}

/** Every one of these publishes: while publishing is blocked (an alarm) each fails at once, naming why. */
export function messagingChecks(context: ProbeContext, queueTypes: readonly QueueType[]): PlannedCheck[] {
  const unlessBlocked = (check: (context: ProbeContext) => Promise<Outcome>) => async (): Promise<Outcome> => {
    const blocked = context.gate.blocked;
    return blocked === undefined ? check(context) : fail(`not attempted, publishing is blocked: ${blocked}`);
  };
  return [
    ...queueTypes.map((type) => ({ name: CHECK.delivery(type), run: unlessBlocked((c) => deliveryCheck(c, type)) })),
    { name: CHECK.mandatoryReturn, run: unlessBlocked(mandatoryReturnCheck) },
    { name: CHECK.alternateExchange, run: unlessBlocked(alternateExchangeCheck) },
    { name: CHECK.deadLetter, run: unlessBlocked(deadLetterCheck) },
  ];
}
