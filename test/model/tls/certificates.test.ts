import { beforeAll, describe, expect, it } from "vitest";
import { checkPemSet } from "../../../model/tls/certificates";
import { makeCa, makeNodeCertificate, type Made } from "../../support/tlsMaterial";

const origins = { certificate: "config.rabbitmq-ha:tlsCertificate", ca: "config.rabbitmq-ha:tlsCaCertificate", privateKey: "config.rabbitmq-ha:tlsPrivateKey" };
const names = [{ dnsNames: ["rabbit-1"], ipAddresses: ["172.28.9.11", "172.28.9.220"] }];
// After the certificates are made: they are valid from the second they were made.
let NOW: Date;

let ca: Made;
let other: Made;
let node: Made;

beforeAll(async () => {
  ca = await makeCa("stack CA");
  other = await makeCa("some other CA");
  node = await makeNodeCertificate(ca, { dnsNames: ["rabbit-1"], ipAddresses: ["172.28.9.11", "172.28.9.220"] }, 24 * 400);
  NOW = new Date(Date.now() + 1000);
});

describe("checkPemSet", () => {
  it("accepts a certificate signed by the CA, matching its key, naming every client name", () => {
    expect(checkPemSet({ certificate: node.cert, ca: ca.cert, privateKey: node.key }, origins, names, NOW)).toEqual({ errors: [], warnings: [] });
  });

  it("names the key that is not a PEM, and what is allowed", () => {
    const { errors } = checkPemSet({ certificate: node.cert, ca: ca.cert, privateKey: "not a key" }, origins, names, NOW);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^config\.rabbitmq-ha:tlsPrivateKey: not a PEM private key \(.*\) \(allowed: an unencrypted RSA, EC or PKCS#8 "PRIVATE KEY" block\)$/);
  });

  it("refuses a certificate that is not a PEM certificate", () => {
    const { errors } = checkPemSet({ certificate: "-----BEGIN CERTIFICATE-----\nxx\n-----END CERTIFICATE-----", ca: ca.cert }, origins, names, NOW);
    expect(errors[0]).toMatch(/^config\.rabbitmq-ha:tlsCertificate: not a PEM certificate \(.*\) \(allowed: one "-----BEGIN CERTIFICATE-----" block\)$/);
  });

  it("refuses a certificate another CA signed, and a key that is not the certificate's", () => {
    const { errors } = checkPemSet({ certificate: node.cert, ca: other.cert, privateKey: ca.key }, origins, names, NOW);
    expect(errors).toEqual([
      'config.rabbitmq-ha:tlsCertificate: not signed by the CA in config.rabbitmq-ha:tlsCaCertificate (issuer "CN=stack CA")',
      "config.rabbitmq-ha:tlsPrivateKey: does not match the public key of config.rabbitmq-ha:tlsCertificate",
    ]);
  });

  it("refuses a CA that is not a CA", () => {
    const { errors } = checkPemSet({ certificate: node.cert, ca: node.cert }, origins, names, NOW);
    expect(errors[0]).toBe("config.rabbitmq-ha:tlsCaCertificate: not a CA certificate (basicConstraints CA:TRUE is required)");
  });

  it("lists every client name the SANs miss", () => {
    const wanted = [...names, { dnsNames: ["rabbit-2"], ipAddresses: ["172.28.9.12", "172.28.9.220"] }];
    const { errors } = checkPemSet({ certificate: node.cert, ca: ca.cert }, origins, wanted, NOW);
    expect(errors).toEqual([
      "config.rabbitmq-ha:tlsCertificate: its subjectAltNames do not cover rabbit-2, 172.28.9.12 (allowed: a certificate whose SANs name every node hostname and address and the VIP clients use)",
    ]);
  });

  it.each([
    [390, "warning", /^config\.rabbitmq-ha:tlsCertificate: expires in 9 days \(.*\); renew it before then$/],
    [401, "error", /^config\.rabbitmq-ha:tlsCertificate: expired on .* \(allowed: a certificate valid now\)$/],
  ])("%i days on: a %s about the expiry", (days, kind, message) => {
    const later = new Date(NOW.getTime() + days * 24 * 3_600_000);
    const found = checkPemSet({ certificate: node.cert, ca: ca.cert }, origins, names, later);
    expect(kind === "warning" ? found.warnings : found.errors).toEqual([expect.stringMatching(message)]);
  });
});
