/**
 * The `rabbitmq-ha:*` keys of a stack file, their schemas, and the secret keys that
 * infra/secrets.ts reads (validated here only for being encrypted).
 */
import { z } from "zod";
import { clusterSchema } from "./cluster";
import { hostsSchema } from "./hosts";
import { loadBalancersSchema } from "./loadBalancers";
import { metricsSchema } from "./metrics";
import { namingSchema } from "./naming";
import { networkSchema } from "./network";
import { topologyConfigSchema } from "./topologyConfig";
import { tlsSchema } from "./tls";

export const CONFIG_NAMESPACE = "rabbitmq-ha";

export const stackKeySchemas = {
  hosts: hostsSchema,
  network: networkSchema,
  cluster: clusterSchema,
  loadBalancers: loadBalancersSchema,
  topology: topologyConfigSchema,
  naming: namingSchema,
  tls: tlsSchema,
  metrics: metricsSchema,
} as const;

export type StackKey = keyof typeof stackKeySchemas;
export const STACK_KEYS = Object.keys(stackKeySchemas) as StackKey[];
export const REQUIRED_STACK_KEYS: readonly StackKey[] = ["network", "cluster", "loadBalancers", "topology"];

/** Secrets, set with `pulumi config set --secret rabbitmq-ha:<key>`; never read by the model. */
export const SECRET_KEYS = {
  erlangCookie: "Erlang cookie shared by the nodes. Default: generated.",
  adminPassword: "Password of cluster.adminUser. Default: generated.",
  statsPassword: "Password of the HAProxy stats page. Default: generated.",
  userPasswords: "JSON object of user name -> password for topology users. Default: generated per user.",
  tlsPrivateKey: "PEM private key of the nodes' certificate, with tls.certificates: given. Delivered to each node as a file only the broker reads.",
  tlsCertificate: "PEM certificate every node presents, with tls.certificates: given; its SANs must cover every node hostname and address and the VIP.",
  tlsCaCertificate: "PEM certificate of the CA that signed tlsCertificate, with tls.certificates: given.",
} as const;

export type SecretKey = keyof typeof SECRET_KEYS;
export const SECRET_KEY_NAMES = Object.keys(SECRET_KEYS) as SecretKey[];

/** What Pulumi writes for a secret: an encrypted `secure:` value. */
export const secureValueSchema = z.strictObject({ secure: z.string() });

/** The parsed stack keys (defaults applied by zod; model defaults by model/build). */
export type StackInput = { readonly [K in StackKey]?: z.output<(typeof stackKeySchemas)[K]> };
