/**
 * @pulumi/random resources, generated the way terraform-provider-random does: a password or
 * string from the enabled character classes with each class's minimum met, ids from random bytes.
 * The values live only in memory and in the resources that consume them.
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import { Inputs, optBool, optNumber, optString, reqNumber } from "../inputs";

const CLASSES = {
  lower: "abcdefghijklmnopqrstuvwxyz",
  upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  numeric: "0123456789",
  special: "!@#$%&*()-_=+[]{}<>:?",
} as const;
const MIN_KEYS = { lower: "minLower", upper: "minUpper", numeric: "minNumeric", special: "minSpecial" } as const;

export function randomText(inputs: Inputs, where: string): string {
  const length = reqNumber(inputs, "length", where);
  const chosen: string[] = [];
  let alphabet = "";
  for (const name of Object.keys(CLASSES) as (keyof typeof CLASSES)[]) {
    if (!(optBool(inputs, name, where) ?? true)) continue;
    const chars = name === "special" ? (optString(inputs, "overrideSpecial", where) ?? CLASSES.special) : CLASSES[name];
    alphabet += chars;
    for (let i = 0; i < (optNumber(inputs, MIN_KEYS[name], where) ?? 0); i++) chosen.push(pick(chars));
  }
  if (alphabet === "") throw new Error(`${where}: every character class is disabled`);
  while (chosen.length < length) chosen.push(pick(alphabet));
  // Shuffle so the class minimums are not always at the front.
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chosen[i], chosen[j]] = [chosen[j] as string, chosen[i] as string];
  }
  return chosen.join("");
}

function pick(chars: string): string {
  return chars[randomInt(chars.length)] as string;
}

async function createRandomText({ resource, inputs }: HandlerInput): Promise<AppliedState> {
  const result = randomText(inputs, `${resource.type} ${resource.name}`);
  return { id: "none", state: { ...inputs, result } };
}

async function createRandomId({ resource, inputs }: HandlerInput): Promise<AppliedState> {
  const bytes = randomBytes(reqNumber(inputs, "byteLength", `random.RandomId ${resource.name}`));
  const prefix = (inputs["prefix"] as string | undefined) ?? "";
  const b64Url = bytes.toString("base64url");
  const state = {
    ...inputs,
    hex: prefix + bytes.toString("hex"),
    b64Url: prefix + b64Url,
    b64Std: prefix + bytes.toString("base64"),
    dec: prefix + BigInt(`0x${bytes.toString("hex") || "0"}`).toString(10),
  };
  return { id: b64Url, state };
}

async function createRandomUuid({ inputs }: HandlerInput): Promise<AppliedState> {
  const result = randomUUID();
  return { id: result, state: { ...inputs, result } };
}

/** Random values live only in state: every input forces a new value, and delete forgets it. */
const forget = async (): Promise<void> => undefined;
export const randomTextProvider: ResourceProvider = { create: createRandomText, delete: forget };
export const randomIdProvider: ResourceProvider = { create: createRandomId, delete: forget };
export const randomUuidProvider: ResourceProvider = { create: createRandomUuid, delete: forget };
