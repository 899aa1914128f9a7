/**
 * Pulumi dynamic resources (type `pulumi-nodejs:dynamic[/module]:Type`). Their provider code
 * runs in the Pulumi engine's Node host at `up` time; here the same exported create logic is
 * called with the resource's inputs. Each dynamic resource carries a `kind` input naming it.
 */
import { AppliedState, HandlerInput } from "./types";
import { reqString } from "./inputs";
import { applyVhostSettings } from "./rabbitmq/vhostSettings";

type DynamicCreate = (inputs: Record<string, unknown>, where: string) => Promise<AppliedState>;

const DYNAMIC_KINDS: Readonly<Record<string, DynamicCreate>> = {
  "rabbitmq-ha:VhostSettings": applyVhostSettings,
};

export function isDynamicType(type: string): boolean {
  return type.startsWith("pulumi-nodejs:dynamic");
}

export async function applyDynamic({ resource, inputs }: HandlerInput): Promise<AppliedState> {
  const where = `dynamic resource ${resource.name}`;
  const kind = reqString(inputs, "kind", where);
  const create = DYNAMIC_KINDS[kind];
  if (!create) throw new Error(`${where}: the e2e applier cannot apply dynamic resource kind "${kind}"`);
  const { __provider: _code, ...props } = inputs;
  return create(props, where);
}
