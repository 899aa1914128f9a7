/**
 * AdminCredential: a Pulumi dynamic resource that keeps the administrator's password on the
 * running broker equal to `rabbitmq-ha:adminPassword` (converge.ts). Nodes boot with a bootstrap
 * password that never changes (so a rotation never touches their uploads, never restarts them);
 * this resource moves the broker from the bootstrap or the previous password to the desired one.
 * Everything that logs in as the admin takes the password from this resource's output, so it
 * uses a new password only once the broker has it.
 *
 * Its inputs carry `kind: "rabbitmq-ha:AdminCredential"` (engine/providers/dynamic.ts). The
 * provider captures only converge.ts's functions (Node globals): it is closure-serialized.
 */
import * as pulumi from "@pulumi/pulumi";
import { type AdminLogin, convergeAdminPassword } from "./converge";

export const ADMIN_CREDENTIAL_KIND = "rabbitmq-ha:AdminCredential";

export interface AdminCredentialProps {
  readonly kind: typeof ADMIN_CREDENTIAL_KIND;
  readonly login: AdminLogin;
  /** The desired password (`rabbitmq-ha:adminPassword` or generated). */
  readonly password: string;
  /** What the nodes' conf.d file sets at first boot; never rotated. */
  readonly bootstrapPassword: string;
}

/** Pure: why the admin user cannot be renamed here (RabbitMQ creates it only on a blank node). */
export function renameRefusal(from: string, to: string): string {
  return (
    `cluster.adminUser changed from "${from}" to "${to}" on a deployed cluster: RabbitMQ creates the admin user only ` +
    `when a blank node first boots, so the new name would never exist. Keep "${from}" (create other users in the topology instead).`
  );
}

/** Exported for tests: the provider the engine runs (after serialization). */
export const adminCredentialProvider: pulumi.dynamic.ResourceProvider<AdminCredentialProps, AdminCredentialProps> = {
  async create(inputs) {
    await convergeAdminPassword(inputs.login, inputs.password, [inputs.bootstrapPassword]);
    return { id: inputs.login.username, outs: inputs };
  },
  async diff(_id, olds, news) {
    if (olds.login.username !== news.login.username) throw new Error(renameRefusal(olds.login.username, news.login.username));
    const changes = olds.password !== news.password || olds.bootstrapPassword !== news.bootstrapPassword || olds.login.endpoint !== news.login.endpoint || olds.login.ca !== news.login.ca;
    return { changes, replaces: [] };
  },
  async update(_id, olds, news) {
    // The broker has the previous password (or, after a lost volume, the bootstrap one).
    await convergeAdminPassword(news.login, news.password, [olds.password, news.bootstrapPassword, olds.bootstrapPassword]);
    return { outs: news };
  },
  // Nothing to undo: the admin user lives as long as the cluster.
  async delete() {},
};

export interface AdminCredentialArgs {
  /** The CA may be an Output (generated at `pulumi up`). */
  readonly login: Omit<AdminLogin, "ca"> & { readonly ca?: pulumi.Input<string> };
  readonly password: pulumi.Input<string>;
  readonly bootstrapPassword: pulumi.Input<string>;
}

export class AdminCredential extends pulumi.dynamic.Resource {
  /** The admin password the broker accepts, known once it does. Secret. */
  public declare readonly password: pulumi.Output<string>;

  constructor(name: string, args: AdminCredentialArgs, opts: pulumi.CustomResourceOptions) {
    const props = { kind: ADMIN_CREDENTIAL_KIND, login: args.login, password: pulumi.secret(args.password), bootstrapPassword: pulumi.secret(args.bootstrapPassword) };
    super(adminCredentialProvider, name, props, { ...opts, additionalSecretOutputs: ["password", "bootstrapPassword"] }, "rabbitmq-ha", "AdminCredential");
  }
}
