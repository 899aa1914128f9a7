/**
 * The Pulumi program: config files -> validated model -> rendered artifacts -> components -> outputs.
 *
 * Validation runs first and throws one error listing every problem, so a bad config never
 * declares (or deletes) a single resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { loadModelFromPulumiConfig } from "./infra/config";
import { Secrets } from "./infra/secrets";
import { DockerHosts } from "./infra/dockerHosts";
import { ClusterNetwork } from "./infra/network";
import { RabbitCluster } from "./infra/cluster/rabbitCluster";
import { LoadBalancerPair } from "./infra/loadbalancer/loadBalancerPair";
import { Topology } from "./infra/topology/topology";
import { AdminCredential } from "./infra/admin/resource";
import { ClusterGuard } from "./infra/cluster/guard/resource";
import { userCredentials as credentialsOf } from "./infra/userCredentials";
import { StackTls } from "./infra/tls/stackTls";
import { caFileFor } from "./infra/tls/caFile";
import { AMQPS_PORT, MANAGEMENT_TLS_PORT } from "./model/tls/spec";

const model = loadModelFromPulumiConfig();
for (const w of model.warnings) pulumi.log.warn(`${w.file}:${w.line}:${w.column}  ${w.path}  ${w.message}`);

const secrets = new Secrets("secrets", { model });
const hosts = new DockerHosts("hosts", { hosts: model.hosts });
const network = new ClusterNetwork("network", { network: model.network, hosts });

// rabbitmq-ha:tls: the stack CA and node certificates (generated or given), before anything uses them.
const stackTls = model.tls.enabled
  ? new StackTls("tls", { tls: model.tls, cluster: model.cluster, pair: model.loadBalancers, stackFile: `Pulumi.${model.stack}.yaml` })
  : undefined;
const caCertificate = stackTls?.caCertificate;

// With TLS on, the management endpoint is https://VIP:15671 and every client of it verifies the CA.
const adminLogin = { endpoint: model.managementEndpoint, username: model.cluster.adminUser, ...(caCertificate ? { ca: caCertificate } : {}) };

// Refuses (at preview too) a cookie change, a downgrade or an unprepared major upgrade on a
// deployed cluster; the nodes take the cookie through it, so they wait for its verdict.
const guard = new ClusterGuard("cluster-guard", {
  erlangCookie: secrets.erlangCookie,
  allowCookieRotation: model.cluster.allowCookieRotation,
  version: model.cluster.version,
  login: adminLogin,
  passwords: [secrets.adminPassword, secrets.adminBootstrapPassword],
});

const cluster = new RabbitCluster("cluster", {
  cluster: model.cluster,
  stack: model.stack,
  network,
  hosts,
  erlangCookie: guard.guarded(secrets.erlangCookie),
  // Nodes get the never-rotated bootstrap password (default_pass): a rotation restarts nothing.
  adminPassword: secrets.adminBootstrapPassword,
  ...(stackTls ? { tls: { spec: model.tls, materialFor: (hostname: string) => stackTls.materialFor(hostname) } } : {}),
});

const loadBalancers = new LoadBalancerPair("lb", {
  pair: model.loadBalancers,
  cluster: model.cluster,
  stack: model.stack,
  network,
  hosts,
  statsPassword: secrets.statsPassword,
  ...(caCertificate ? { tls: { spec: model.tls, caCertificate } } : {}),
  dependsOn: cluster.ready,
});

// The admin password on the running broker, changed in place when rotated (authenticating with
// the previous or the bootstrap one). Everything that logs in as the admin takes it from here,
// so nothing uses a new password before the broker has it.
const admin = new AdminCredential(
  "admin-credential",
  { login: adminLogin, password: secrets.adminPassword, bootstrapPassword: secrets.adminBootstrapPassword },
  { dependsOn: [...cluster.ready, ...loadBalancers.ready] },
);

const topology = new Topology("topology", {
  topology: model.topology,
  safety: model.safety,
  version: model.cluster.version,
  managementEndpoint: model.managementEndpoint,
  adminUser: model.cluster.adminUser,
  adminPassword: admin.password,
  userPasswords: secrets.userPasswords,
  ...(caCertificate ? { tls: { caFile: caFileFor(model.stack, caCertificate), caCertificate } } : {}),
  dependsOn: [...cluster.ready, ...loadBalancers.ready],
});

const credentials = pulumi.interpolate`${model.cluster.adminUser}:${admin.password}`;
export const virtualIp = model.loadBalancers.virtualIp;
export const amqpUrl = pulumi.secret(pulumi.interpolate`amqp://${credentials}@${model.loadBalancers.virtualIp}:5672`);
export const managementUrl = caCertificate
  ? pulumi.secret(pulumi.interpolate`https://${credentials}@${model.loadBalancers.virtualIp}:${MANAGEMENT_TLS_PORT}`)
  : pulumi.secret(pulumi.interpolate`http://${credentials}@${model.loadBalancers.virtualIp}:15672`);
/** With rabbitmq-ha:tls on: AMQPS through the VIP (clients verify `caCertificate`), and the CA itself (public). */
export const amqpsUrl = caCertificate && pulumi.secret(pulumi.interpolate`amqps://${credentials}@${model.loadBalancers.virtualIp}:${AMQPS_PORT}`);
export { caCertificate };
export const statsUrl = pulumi.secret(pulumi.interpolate`http://stats:${secrets.statsPassword}@${model.loadBalancers.virtualIp}:8404/stats`);
export const managementEndpoint = model.managementEndpoint;
export const adminUser = model.cluster.adminUser;
export const nodes = cluster.nodes;
export const loadBalancerAddresses = loadBalancers.addresses;
export const userNames = topology.userNames;
/** Per topology user {username, password, vhosts, amqpUrl, amqpUrls}, one secret: `pulumi stack output --show-secrets userCredentials`. */
export const userCredentials = credentialsOf({ users: model.topology.users, passwords: secrets.userPasswords, host: model.loadBalancers.virtualIp, ready: topology.userNames });
