/**
 * The VhostSettings dynamic resource (infra/topology/vhostSettings): its provider's create is
 * the exported applyVhostSettings, called here with the declared connection and settings.
 */
import { applyVhostSettings as applyOverHttp } from "../../../../infra/topology/vhostSettings/api";
import type { ManagementConnection, VhostSettingsValues } from "../../../../infra/topology/vhostSettings/api";
import { AppliedState } from "../types";
import { reqObject } from "../inputs";

export async function applyVhostSettings(inputs: Record<string, unknown>, where: string): Promise<AppliedState> {
  const connection = reqObject(inputs, "connection", where) as unknown as ManagementConnection;
  const settings = reqObject(inputs, "settings", where) as unknown as VhostSettingsValues;
  await applyOverHttp(connection, settings);
  return { id: settings.vhost, state: { ...inputs } };
}
