/** Real keys and certificates for tests, made by the offline engine's tls stand-in (engine/providers/tls). */
import { PROVIDERS } from "../../engine/providers/handlers";

export interface Made {
  readonly key: string;
  readonly cert: string;
}

const call = (type: string, name: string, inputs: Record<string, unknown>) =>
  PROVIDERS[type]!.create({ resource: { type, name, urn: name }, inputs, providerInputs: undefined, testLabels: {} });

async function key(name: string): Promise<string> {
  return String((await call("tls:index/privateKey:PrivateKey", name, { algorithm: "ECDSA", ecdsaCurve: "P256" })).state["privateKeyPem"]);
}

export async function makeCa(commonName: string): Promise<Made> {
  const privateKeyPem = await key(`${commonName}-key`);
  const made = await call("tls:index/selfSignedCert:SelfSignedCert", commonName, {
    privateKeyPem, subject: { commonName }, isCaCertificate: true, validityPeriodHours: 24 * 3650, allowedUses: ["cert_signing", "crl_signing"],
  });
  return { key: privateKeyPem, cert: String(made.state["certPem"]) };
}

export async function makeNodeCertificate(ca: Made, names: { dnsNames: string[]; ipAddresses: string[] }, validityPeriodHours: number): Promise<Made> {
  const privateKeyPem = await key("node-key");
  const csr = await call("tls:index/certRequest:CertRequest", "node-csr", { privateKeyPem, subject: { commonName: names.dnsNames[0] }, ...names });
  const made = await call("tls:index/locallySignedCert:LocallySignedCert", "node-cert", {
    certRequestPem: csr.state["certRequestPem"], caPrivateKeyPem: ca.key, caCertPem: ca.cert, validityPeriodHours, allowedUses: ["digital_signature", "server_auth"],
  });
  return { key: privateKeyPem, cert: String(made.state["certPem"]) };
}
