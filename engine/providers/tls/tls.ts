/**
 * @pulumi/tls resources, made the way hashicorp/terraform-provider-tls does
 * (internal/provider/resource_private_key.go, resource_self_signed_cert.go, resource_cert_request.go,
 * resource_locally_signed_cert.go; common_cert.go createCertificate; common_key.go), with
 * @peculiar/x509 over Node's WebCrypto. Only what the program uses: ECDSA P-256 or RSA keys,
 * a self-signed CA, CSRs with DNS/IP SANs, certificates signed by that CA.
 *
 * Like the provider, every input forces a new resource (their schemas mark each RequiresReplace)
 * and the values live only in state; private key PEMs are secret outputs (the SDK's
 * additionalSecretOutputs). Not imitated: early renewal (the provider's ModifyPlan replaces a
 * certificate within early_renewal_hours of expiry; `refresh` is not imitated either).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, webcrypto, type KeyObject } from "node:crypto";
import type * as X509 from "@peculiar/x509";
import { x509 } from "./x509";
import type { AppliedState, HandlerInput, ResourceProvider } from "../types";
import { type Inputs, optBool, optNumber, optString, reqNumber, reqString } from "../inputs";

// @peculiar/x509's types are the DOM's WebCrypto types; Node's are the same objects.
type CryptoKey = webcrypto.CryptoKey;
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const HASH = "SHA-256";

/** common_key.go: ECDSA keys as SEC1 "EC PRIVATE KEY", RSA as PKCS#1 "RSA PRIVATE KEY". */
function createKey({ resource, inputs }: HandlerInput): Promise<AppliedState> {
  const where = `tls.PrivateKey ${resource.name}`;
  const algorithm = reqString(inputs, "algorithm", where);
  let key: KeyObject;
  if (algorithm === "ECDSA") {
    const curve = optString(inputs, "ecdsaCurve", where) ?? "P224";
    const named = { P256: "prime256v1", P384: "secp384r1", P521: "secp521r1" }[curve];
    if (!named) throw new Error(`${where}: ecdsaCurve ${curve} is not supported offline (allowed: P256, P384, P521)`);
    key = generateKeyPairSync("ec", { namedCurve: named }).privateKey;
  } else if (algorithm === "RSA") {
    key = generateKeyPairSync("rsa", { modulusLength: optNumber(inputs, "rsaBits", where) ?? 2048 }).privateKey;
  } else {
    throw new Error(`${where}: algorithm ${algorithm} is not supported offline (allowed: ECDSA, RSA)`);
  }
  const publicDer = createPublicKey(key).export({ type: "spki", format: "der" });
  const state = {
    ...inputs,
    privateKeyPem: key.export({ type: algorithm === "RSA" ? "pkcs1" : "sec1", format: "pem" }).toString(),
    privateKeyPemPkcs8: key.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: createPublicKey(key).export({ type: "spki", format: "pem" }).toString(),
    publicKeyFingerprintSha256: `SHA256:${createHash("sha256").update(publicDer).digest("base64").replace(/=+$/, "")}`,
  };
  // resource_private_key.go: the id is the hex SHA-1 of the public key's DER.
  return Promise.resolve({ id: createHash("sha1").update(publicDer).digest("hex"), state });
}

interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly algorithm: webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams;
  readonly signing: webcrypto.EcdsaParams | webcrypto.Algorithm;
}

async function importKey(pem: string): Promise<KeyPair> {
  const key = createPrivateKey(pem);
  const ec = key.asymmetricKeyType === "ec";
  const curve = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" }[String(key.asymmetricKeyDetails?.namedCurve)] ?? "P-256";
  const algorithm = ec ? { name: "ECDSA", namedCurve: curve } : { name: "RSASSA-PKCS1-v1_5", hash: HASH };
  const subtle = webcrypto.subtle;
  const privateKey = await subtle.importKey("pkcs8", key.export({ type: "pkcs8", format: "der" }), algorithm, true, ["sign"]);
  const publicKey = await subtle.importKey("spki", createPublicKey(key).export({ type: "spki", format: "der" }), algorithm, true, ["verify"]);
  return { privateKey, publicKey, algorithm, signing: ec ? { name: "ECDSA", hash: HASH } : { name: "RSASSA-PKCS1-v1_5" } };
}

/** common_cert.go createSubjectDistinguishedNames: the subject block's fields. */
function subjectName(inputs: Inputs): string {
  const subject = (inputs["subject"] ?? {}) as Record<string, unknown>;
  const parts: [string, unknown][] = [
    ["CN", subject["commonName"]],
    ["O", subject["organization"]],
    ["OU", subject["organizationalUnit"]],
    ["L", subject["locality"]],
    ["ST", subject["province"]],
    ["C", subject["country"]],
  ];
  return parts.filter(([, v]) => typeof v === "string" && v !== "").map(([k, v]) => `${k}=${String(v).replace(/([,+="\\<>;])/g, "\\$1")}`).join(", ");
}

function sanExtension(inputs: Inputs): X509.Extension[] {
  const dns = ((inputs["dnsNames"] ?? []) as string[]).map((value) => ({ type: "dns" as const, value }));
  const ips = ((inputs["ipAddresses"] ?? []) as string[]).map((value) => ({ type: "ip" as const, value }));
  return dns.length + ips.length === 0 ? [] : [new x509.SubjectAlternativeNameExtension([...dns, ...ips])];
}

const KEY_USAGES: Readonly<Record<string, X509.KeyUsageFlags>> = {
  digital_signature: x509.KeyUsageFlags.digitalSignature,
  content_commitment: x509.KeyUsageFlags.nonRepudiation,
  key_encipherment: x509.KeyUsageFlags.keyEncipherment,
  data_encipherment: x509.KeyUsageFlags.dataEncipherment,
  key_agreement: x509.KeyUsageFlags.keyAgreement,
  cert_signing: x509.KeyUsageFlags.keyCertSign,
  crl_signing: x509.KeyUsageFlags.cRLSign,
};
const EXTENDED_USAGES: Readonly<Record<string, string>> = { server_auth: "1.3.6.1.5.5.7.3.1", client_auth: "1.3.6.1.5.5.7.3.2" };

/** common_cert.go createCertificate: key usages, extended usages, basic constraints, key ids, validity. */
async function usageExtensions(inputs: Inputs, where: string, subjectKey: CryptoKey, issuerKey: CryptoKey): Promise<X509.Extension[]> {
  const uses = (inputs["allowedUses"] ?? []) as string[];
  const unknown = uses.filter((u) => KEY_USAGES[u] === undefined && EXTENDED_USAGES[u] === undefined);
  if (unknown.length > 0) throw new Error(`${where}: allowedUses ${unknown.join(", ")} not supported offline (allowed: ${[...Object.keys(KEY_USAGES), ...Object.keys(EXTENDED_USAGES)].join(", ")})`);
  const flags = uses.reduce((all, u) => all | (KEY_USAGES[u] ?? 0), 0);
  const extended = uses.flatMap((u) => (EXTENDED_USAGES[u] ? [EXTENDED_USAGES[u]] : []));
  const isCa = optBool(inputs, "isCaCertificate", where) ?? false;
  return [
    new x509.BasicConstraintsExtension(isCa, isCa ? optNumber(inputs, "maxPathLength", where) : undefined, true),
    ...(flags === 0 ? [] : [new x509.KeyUsagesExtension(flags, true)]),
    ...(extended.length === 0 ? [] : [new x509.ExtendedKeyUsageExtension(extended)]),
    await x509.SubjectKeyIdentifierExtension.create(subjectKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuerKey),
  ];
}

function validity(inputs: Inputs, where: string): { notBefore: Date; notAfter: Date } {
  const notBefore = new Date();
  return { notBefore, notAfter: new Date(notBefore.getTime() + reqNumber(inputs, "validityPeriodHours", where) * 3_600_000) };
}

function certificateState(inputs: Inputs, cert: X509.X509Certificate): AppliedState {
  const state = {
    ...inputs,
    certPem: cert.toString("pem") + "\n",
    validityStartTime: cert.notBefore.toISOString().replace(/\.\d{3}Z$/, "Z"),
    validityEndTime: cert.notAfter.toISOString().replace(/\.\d{3}Z$/, "Z"),
    readyForRenewal: false,
  };
  // common_cert.go: the id is the serial number in decimal.
  return { id: BigInt(`0x${cert.serialNumber}`).toString(10), state };
}

const serial = (): string => `01${randomBytes(15).toString("hex")}`;

async function createSelfSigned({ resource, inputs }: HandlerInput): Promise<AppliedState> {
  const where = `tls.SelfSignedCert ${resource.name}`;
  const keys = await importKey(reqString(inputs, "privateKeyPem", where));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: subjectName(inputs),
    ...validity(inputs, where),
    signingAlgorithm: keys.signing,
    keys: { privateKey: keys.privateKey, publicKey: keys.publicKey },
    extensions: [...(await usageExtensions(inputs, where, keys.publicKey, keys.publicKey)), ...sanExtension(inputs)],
  });
  return certificateState(inputs, cert);
}

async function createCertRequest({ resource, inputs }: HandlerInput): Promise<AppliedState> {
  const where = `tls.CertRequest ${resource.name}`;
  const keys = await importKey(reqString(inputs, "privateKeyPem", where));
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: subjectName(inputs),
    keys: { privateKey: keys.privateKey, publicKey: keys.publicKey },
    signingAlgorithm: keys.signing,
    extensions: sanExtension(inputs),
  });
  return { id: createHash("sha1").update(Buffer.from(csr.rawData)).digest("hex"), state: { ...inputs, certRequestPem: csr.toString("pem") + "\n" } };
}

async function createLocallySigned({ resource, inputs }: HandlerInput): Promise<AppliedState> {
  const where = `tls.LocallySignedCert ${resource.name}`;
  const csr = new x509.Pkcs10CertificateRequest(reqString(inputs, "certRequestPem", where));
  if (!(await csr.verify())) throw new Error(`${where}: the certificate request's signature does not verify`);
  const ca = new x509.X509Certificate(reqString(inputs, "caCertPem", where));
  const caKeys = await importKey(reqString(inputs, "caPrivateKeyPem", where));
  const subjectKey = await csr.publicKey.export(caKeys.algorithm, ["verify"]).catch(() => csr.publicKey.export());
  // resource_locally_signed_cert.go: subject and SANs come from the request.
  const san = csr.getExtension("2.5.29.17");
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: csr.subject,
    issuer: ca.subject,
    ...validity(inputs, where),
    signingAlgorithm: caKeys.signing,
    publicKey: csr.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [...(await usageExtensions(inputs, where, subjectKey, caKeys.publicKey)), ...(san ? [san] : [])],
  });
  return certificateState(inputs, cert);
}

const forget = async (): Promise<void> => undefined;
export const privateKeyProvider: ResourceProvider = { create: createKey, delete: forget };
export const selfSignedCertProvider: ResourceProvider = { create: createSelfSigned, delete: forget };
export const certRequestProvider: ResourceProvider = { create: createCertRequest, delete: forget };
export const locallySignedCertProvider: ResourceProvider = { create: createLocallySigned, delete: forget };
