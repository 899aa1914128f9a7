import * as pulumi from "@pulumi/pulumi";
import * as rabbitmq from "@pulumi/rabbitmq";
import { derivePermissions } from "../../model/derive/permissions";
import type { UserSpec } from "../../model/types";
import { inVhost } from "./childNames";
import type { BuildContext } from "./context";

/**
 * An application user and its least-privilege permissions (model/derive/permissions.ts): one
 * Permissions resource per vhost it has a grant in. The password is secret at birth; the
 * generated User class already keeps it secret in its outputs.
 */
export function declareUser(ctx: BuildContext, u: UserSpec, password: pulumi.Input<string>): rabbitmq.User {
  const user = new rabbitmq.User(
    `${ctx.prefix}-user-${encodeURIComponent(u.name)}`,
    { name: u.name, password: pulumi.secret(password), tags: [...u.tags] },
    ctx.opts,
  );
  for (const p of derivePermissions(u)) {
    new rabbitmq.Permissions(
      `${ctx.prefix}-permissions-${inVhost(u.name, p.vhost)}`,
      {
        user: user.name,
        vhost: ctx.declared.vhostName(p.vhost),
        permissions: { configure: p.configure, write: p.write, read: p.read },
      },
      ctx.opts,
    );
  }
  return user;
}
