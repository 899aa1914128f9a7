/**
 * No secret in any container's configuration as `docker inspect` shows it (environment,
 * command, labels, host config): the cookie and passwords travel only as uploaded files.
 * The secrets are the values the program generated or handed to its providers and users.
 */
import { Check, expect } from "./types";
import type { Deployment } from "../deployment";
import { CONTAINER, RABBITMQ_PROVIDER } from "../deployment";

const GENERATED = /^random:index\/random(Password|String):/;
const MIN_SECRET_LENGTH = 8;

export function secretValues(deployment: Deployment): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const object of deployment.created) {
    if (GENERATED.test(object.type)) secrets.set(`${object.name} (generated)`, String(object.outputs["result"]));
    if (object.type === "rabbitmq:index/user:User") secrets.set(`password of ${String(object.inputs["name"])}`, String(object.inputs["password"]));
    if (object.type === RABBITMQ_PROVIDER) secrets.set("admin password", String(object.inputs["password"]));
  }
  for (const [what, value] of secrets) if (value.length < MIN_SECRET_LENGTH) secrets.delete(what);
  return secrets;
}

export const noSecretsInInspect: Check = {
  name: "no secret in any container's docker inspect (env, command, labels)",
  run: async (deployment) => {
    const secrets = secretValues(deployment);
    expect(secrets.size > 0, "found no generated secrets or passwords to look for");
    const containers = deployment.created.filter((object) => object.type === CONTAINER);
    const leaks: string[] = [];
    for (const container of containers) {
      const info = await deployment.dockerOf(container.id).getContainer(container.id).inspect();
      const visible = JSON.stringify({ config: info.Config, host: info.HostConfig, args: info.Args, path: info.Path });
      for (const [what, value] of secrets) if (visible.includes(value)) leaks.push(`${what} in ${info.Name}`);
      const named = (info.Config.Env ?? []).filter((entry) => /COOKIE|PASSWORD|PASSWD|SECRET/i.test(entry.split("=")[0] ?? ""));
      for (const entry of named) leaks.push(`${entry.split("=")[0] ?? ""} set in ${info.Name}`);
    }
    expect(leaks.length === 0, `visible: ${leaks.join("; ")}`);
    return `${secrets.size} secrets absent from ${containers.length} containers`;
  },
};
