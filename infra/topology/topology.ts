/**
 * Topology: the validated model's messaging objects as @pulumi/rabbitmq resources, through one
 * explicit provider pointed at the cluster's management endpoint. One builder per object kind
 * (vhosts.ts, exchanges.ts, queues.ts, bindings.ts, policies.ts, users.ts, vhostSettings/);
 * this component only orders them: vhosts, exchanges, policies, queues, bindings, users.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as rabbitmq from "@pulumi/rabbitmq";
import type { RabbitSeries, SafetySpec, TopologySpec } from "../../model/types";
import { declareBinding } from "./bindings";
import { type BuildContext, DeclaredResources } from "./context";
import { declareExchange } from "./exchanges";
import { declarePolicy } from "./policies";
import { createTopologyProvider, type ProviderSettings } from "./provider";
import { declareQueue } from "./queues";
import { declareUser } from "./users";
import { declareVhostSettings } from "./vhostSettings/declare";
import { declareVhost } from "./vhosts";

export interface TopologyArgs extends ProviderSettings {
  /** Already derived (retry expansion) by the loader. */
  readonly topology: TopologySpec;
  readonly safety: SafetySpec;
  readonly version: RabbitSeries;
  /** By user name; every declared user needs one (infra/secrets.ts generates missing ones). */
  readonly userPasswords: Readonly<Record<string, pulumi.Input<string>>>;
}

export class Topology extends pulumi.ComponentResource {
  /** Names of the application users, known once they exist on the broker. */
  public readonly userNames: pulumi.Output<string[]>;
  public readonly provider: rabbitmq.Provider;

  constructor(name: string, args: TopologyArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:topology:Topology", name, {}, opts);
    this.provider = createTopologyProvider(name, args, this);
    const ctx: BuildContext = { prefix: name, opts: { parent: this, provider: this.provider }, safety: args.safety, declared: new DeclaredResources() };
    const connection = {
      endpoint: args.managementEndpoint,
      username: args.adminUser,
      password: pulumi.secret(args.adminPassword),
      ...(args.tls ? { ca: args.tls.caCertificate } : {}),
    };
    const t = args.topology;

    for (const v of t.vhosts) declareVhostSettings(ctx, v, declareVhost(ctx, v), connection, args.version);
    for (const x of t.exchanges) declareExchange(ctx, x);
    for (const p of t.policies) declarePolicy(ctx, p);
    for (const q of t.queues) declareQueue(ctx, q);
    for (const b of t.bindings) declareBinding(ctx, b);
    const users = t.users.map((u) => declareUser(ctx, u, passwordOf(args.userPasswords, u.name)));

    this.userNames = pulumi.all(users.map((u) => u.name));
    this.registerOutputs({ userNames: this.userNames });
  }
}

function passwordOf(passwords: TopologyArgs["userPasswords"], user: string): pulumi.Input<string> {
  const password = passwords[user];
  if (password === undefined) throw new Error(`no password for user ${user} (userPasswords has ${Object.keys(passwords).sort().join(", ") || "none"})`);
  return password;
}
