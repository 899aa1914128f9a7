/**
 * What an application needs to connect as its topology user: the stack output `userCredentials`
 * (`pulumi stack output --show-secrets userCredentials`). Generated passwords live only in the
 * state; this is the supported way to read them. The whole object is ONE secret output, so no
 * password is ever shown by `pulumi stack output` without --show-secrets.
 */
import * as pulumi from "@pulumi/pulumi";
import type { UserSpec } from "../model/types";

/** AMQP through the VIP (HAProxy's frontend). */
export const AMQP_PORT = 5672;

export interface UserCredential {
  readonly username: string;
  readonly password: string;
  /** Every vhost the user is granted, in topology order. */
  readonly vhosts: readonly string[];
  /** `amqp://user:pass@vip:5672/<first vhost>`; absent when the user has no grant. */
  readonly amqpUrl?: string;
  /** One URL per granted vhost, by vhost name. */
  readonly amqpUrls: Readonly<Record<string, string>>;
}

export interface UserCredentialsArgs {
  readonly users: readonly UserSpec[];
  /** By user name (infra/secrets.ts). */
  readonly passwords: Readonly<Record<string, pulumi.Input<string>>>;
  readonly host: pulumi.Input<string>;
  /** Resolves once the users exist on the broker, so the output never precedes them. */
  readonly ready?: pulumi.Input<unknown>;
}

/** Pure: one user's record. Every URL part is percent-encoded (a vhost `/` is `%2F`). */
export function credentialOf(user: UserSpec, password: string, host: string): UserCredential {
  const vhosts = [...new Set(user.grants.map((g) => g.vhost))];
  const url = (vhost: string) => `amqp://${encodeURIComponent(user.name)}:${encodeURIComponent(password)}@${host}:${AMQP_PORT}/${encodeURIComponent(vhost)}`;
  const amqpUrls = Object.fromEntries(vhosts.map((v) => [v, url(v)]));
  return { username: user.name, password, vhosts, ...(vhosts[0] === undefined ? {} : { amqpUrl: url(vhosts[0]) }), amqpUrls };
}

export function userCredentials(a: UserCredentialsArgs): pulumi.Output<Record<string, UserCredential>> {
  const passwords = a.users.map((u) => {
    const password = a.passwords[u.name];
    if (password === undefined) throw new Error(`userCredentials: no password for user ${u.name}`);
    return password;
  });
  const all = pulumi.all([pulumi.all(passwords), a.host, a.ready]).apply(([resolved, host]) =>
    Object.fromEntries(a.users.map((u, i) => [u.name, credentialOf(u, resolved[i]!, host)])),
  );
  return pulumi.secret(all);
}
