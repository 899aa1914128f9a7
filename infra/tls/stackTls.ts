/**
 * The stack's TLS material (rabbitmq-ha:tls): a CA and one certificate per node.
 *
 * generated: @pulumi/tls makes them at `pulumi up` and keeps them in state (private keys are
 * secret outputs of the provider), so later runs reuse them: nothing churns. Each node's
 * certificate names its hostname, its address and the VIP (HAProxy passes TLS through, so clients
 * of the VIP are shown the node's certificate), plus localhost for checks inside the container.
 * given: the secret config keys tlsPrivateKey / tlsCertificate / tlsCaCertificate, checked
 * (model/tls/certificates.ts) before any resource is declared; one certificate serves every node.
 */
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import type { ClusterSpec, LoadBalancerPairSpec } from "../../model/types";
import { checkPemSet } from "../../model/tls/certificates";
import { GIVEN_TLS_KEYS, nodeTlsNames, type TlsSpec } from "../../model/tls/spec";
import type { NodeTlsMaterial } from "../../render/nodeFiles";
import { CONFIG_NAMESPACE } from "../secrets";

/** The CA lives long: rotating it means every client's trust store changes. */
const CA_VALIDITY_HOURS = 10 * 365 * 24;
/** The tls provider plans a new certificate from this many hours before expiry (its early_renewal_hours). */
const EARLY_RENEWAL_HOURS = 30 * 24;

export interface StackTlsArgs {
  readonly tls: TlsSpec;
  readonly cluster: ClusterSpec;
  readonly pair: LoadBalancerPairSpec;
  readonly stackFile: string;
}

export class StackTls extends pulumi.ComponentResource {
  /** PEM of the CA clients verify the brokers with (a certificate, not secret). */
  public readonly caCertificate: pulumi.Output<string>;
  private readonly perNode: ReadonlyMap<string, pulumi.Output<NodeTlsMaterial>>;

  constructor(name: string, args: StackTlsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("rabbitmq-ha:tls:StackTls", name, {}, opts);
    const made = args.tls.source === "given" ? given(args) : generated(name, args, this);
    this.caCertificate = made.ca;
    this.perNode = made.perNode;
    this.registerOutputs({ caCertificate: this.caCertificate });
  }

  /** The node's key, certificate and CA: one secret Output (the key is in it). */
  materialFor(hostname: string): pulumi.Output<NodeTlsMaterial> {
    const material = this.perNode.get(hostname);
    if (!material) throw new Error(`no TLS material for node ${hostname}`);
    return material;
  }
}

interface Made {
  readonly ca: pulumi.Output<string>;
  readonly perNode: Map<string, pulumi.Output<NodeTlsMaterial>>;
}

function generated(name: string, args: StackTlsArgs, parent: pulumi.Resource): Made {
  const opts = { parent };
  const caKey = new tls.PrivateKey(`${name}-ca-key`, { algorithm: "ECDSA", ecdsaCurve: "P256" }, opts);
  const caCert = new tls.SelfSignedCert(
    `${name}-ca`,
    {
      privateKeyPem: caKey.privateKeyPem,
      subject: { commonName: `rabbitmq-ha ${pulumi.getStack()} CA`, organization: "rabbitmq-ha" },
      isCaCertificate: true,
      validityPeriodHours: CA_VALIDITY_HOURS,
      allowedUses: ["cert_signing", "crl_signing", "digital_signature"],
    },
    opts,
  );
  const perNode = new Map<string, pulumi.Output<NodeTlsMaterial>>();
  for (const node of args.cluster.nodes) {
    const names = nodeTlsNames(node, args.pair.virtualIp);
    const key = new tls.PrivateKey(`${name}-${node.hostname}-key`, { algorithm: "ECDSA", ecdsaCurve: "P256" }, opts);
    const request = new tls.CertRequest(
      `${name}-${node.hostname}-csr`,
      { privateKeyPem: key.privateKeyPem, subject: { commonName: node.hostname, organization: "rabbitmq-ha" }, dnsNames: [...names.dnsNames], ipAddresses: [...names.ipAddresses] },
      opts,
    );
    const cert = new tls.LocallySignedCert(
      `${name}-${node.hostname}-cert`,
      {
        certRequestPem: request.certRequestPem,
        caPrivateKeyPem: caKey.privateKeyPem,
        caCertPem: caCert.certPem,
        validityPeriodHours: args.tls.validityDays * 24,
        earlyRenewalHours: EARLY_RENEWAL_HOURS,
        allowedUses: ["digital_signature", "key_encipherment", "server_auth"],
      },
      opts,
    );
    const material = pulumi
      .all([key.privateKeyPem, cert.certPem, caCert.certPem])
      .apply(([privateKey, certificate, ca]) => {
        warnAbout(checkPemSet({ certificate, ca, privateKey }, origins(`${node.hostname}'s generated`), [names], new Date()));
        return { privateKey, certificate, ca };
      });
    perNode.set(node.hostname, pulumi.secret(material));
  }
  return { ca: caCert.certPem, perNode };
}

const origins = (what: string) => ({ certificate: `${what} certificate`, ca: `${what} CA`, privateKey: `${what} private key` });

/** Generated material is made right: a problem found is the provider's or the clock's, so a warning. */
function warnAbout(findings: { errors: readonly string[]; warnings: readonly string[] }): void {
  for (const message of [...findings.errors, ...findings.warnings]) pulumi.log.warn(`rabbitmq-ha:tls: ${message}`);
}

/**
 * The given PEMs, read the way infra/secrets.ts reads secret keys (decrypted by the engine,
 * never logged) and checked now, so a bad certificate stops the program before any resource.
 */
function given(args: StackTlsArgs): Made {
  const key = (k: string) => `${CONFIG_NAMESPACE}:${k}`;
  const raw = {
    privateKey: pulumi.runtime.getConfig(key(GIVEN_TLS_KEYS.key)),
    certificate: pulumi.runtime.getConfig(key(GIVEN_TLS_KEYS.cert)),
    ca: pulumi.runtime.getConfig(key(GIVEN_TLS_KEYS.ca)),
  };
  const where = (k: string) => `${args.stackFile} config.${key(k)}`;
  const missing = Object.values(GIVEN_TLS_KEYS).filter((k, i) => [raw.privateKey, raw.certificate, raw.ca][i] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `rabbitmq-ha:tls certificates: given needs the secret keys ${missing.map(key).join(", ")} (set each with pulumi config set --secret ${key("<key>")} < file.pem, or use certificates: generated)`,
    );
  }
  const pems = { privateKey: raw.privateKey ?? "", certificate: raw.certificate ?? "", ca: raw.ca ?? "" };
  // The names clients use (HAProxy verifies each node by its hostname); not localhost.
  const names = args.cluster.nodes.map((n) => ({ dnsNames: [n.hostname], ipAddresses: [n.address, args.pair.virtualIp] }));
  const findings = checkPemSet(pems, { certificate: where(GIVEN_TLS_KEYS.cert), ca: where(GIVEN_TLS_KEYS.ca), privateKey: where(GIVEN_TLS_KEYS.key) }, names, new Date());
  if (findings.errors.length > 0) throw new Error(`rabbitmq-ha:tls: the given certificates cannot be used:\n  ${findings.errors.join("\n  ")}`);
  for (const message of findings.warnings) pulumi.log.warn(`rabbitmq-ha:tls: ${message}`);
  const material = pulumi.secret(pems);
  return { ca: pulumi.output(pems.ca), perNode: new Map(args.cluster.nodes.map((n) => [n.hostname, material])) };
}
