/**
 * Every secret the deployment needs, secret at birth: taken from the stack's secret config when
 * set there, generated (@pulumi/random, kept in state) otherwise. Nothing here is ever plain.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { Model } from "../model/types";

/** The namespace of the stack config keys (`rabbitmq-ha:erlangCookie`, ...). */
export const CONFIG_NAMESPACE = "rabbitmq-ha";

export interface SecretsArgs {
  readonly model: Model;
}

/**
 * Generated values use letters and digits only: they go into rabbitmq.conf, haproxy.cfg and URLs,
 * where punctuation needs quoting; length gives the strength instead.
 */
const GENERATED = { special: false, upper: true, lower: true, numeric: true } as const;

export class Secrets extends pulumi.ComponentResource {
  /** Shared by every node (Erlang distribution); `rabbitmq-ha:erlangCookie` or generated. */
  public readonly erlangCookie: pulumi.Output<string>;
  /**
   * The administrator's password; `rabbitmq-ha:adminPassword` or generated. Rotating it changes
   * it on the running broker (infra/admin/): never rendered into a node's files.
   */
  public readonly adminPassword: pulumi.Output<string>;
  /**
   * What the nodes' conf.d admin file sets (`default_pass`, applied only when a blank node first
   * boots). Generated once and never rotated, so rotating the admin password never changes an
   * upload (never restarts a node); infra/admin/ moves the broker from it to `adminPassword`.
   */
  public readonly adminBootstrapPassword: pulumi.Output<string>;
  /** HAProxy's statistics page; `rabbitmq-ha:statsPassword` or generated. */
  public readonly statsPassword: pulumi.Output<string>;
  /** One per topology user, by user name; `rabbitmq-ha:userPasswords.<user>` or generated. */
  public readonly userPasswords: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: SecretsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:secrets:Secrets", name, {}, opts);
    const config = new pulumi.Config(CONFIG_NAMESPACE);
    const generate = (suffix: string, length: number): pulumi.Output<string> =>
      pulumi.secret(new random.RandomPassword(`${name}-${suffix}`, { length, ...GENERATED }, { parent: this }).result);

    // Erlang's own cookies are 20 characters; longer costs nothing.
    this.erlangCookie = config.getSecret("erlangCookie") ?? generate("erlang-cookie", 64);
    this.adminPassword = config.getSecret("adminPassword") ?? generate("admin-password", 32);
    this.adminBootstrapPassword = generate("admin-bootstrap-password", 32);
    this.statsPassword = config.getSecret("statsPassword") ?? generate("stats-password", 24);

    const given = givenUserPasswords();
    this.userPasswords = Object.fromEntries(
      args.model.topology.users.map((u) => [u.name, given[u.name] ?? generate(`user-${u.name}`, 32)]),
    );

    this.registerOutputs({
      erlangCookie: this.erlangCookie,
      adminPassword: this.adminPassword,
      adminBootstrapPassword: this.adminBootstrapPassword,
      statsPassword: this.statsPassword,
    });
  }
}

/**
 * `rabbitmq-ha:userPasswords`, an object of user name -> password. Which users it covers must be
 * known now (to decide which passwords to generate), so the object is read directly and each
 * value wrapped as a secret at once; it is never logged.
 */
function givenUserPasswords(): Record<string, pulumi.Output<string>> {
  const raw = pulumi.runtime.getConfig(`${CONFIG_NAMESPACE}:userPasswords`);
  if (raw === undefined) return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${CONFIG_NAMESPACE}:userPasswords must be an object of user name -> password`);
  }
  return Object.fromEntries(
    Object.entries(parsed).map(([user, password]) => {
      if (typeof password !== "string" || password === "") {
        throw new Error(`${CONFIG_NAMESPACE}:userPasswords.${user} must be a non-empty string`);
      }
      return [user, pulumi.secret(password)];
    }),
  );
}
