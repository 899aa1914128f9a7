import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHANGE_TABLE } from "../../../engine/plan/changeTable";
import { makeCa, makeNodeCertificate } from "../../support/tlsMaterial";

describe("the offline tls stand-in (terraform-provider-tls semantics)", () => {
  it("makes a CA and a node certificate it signed, SANs copied from the request", async () => {
    const ca = await makeCa("stack CA");
    expect(ca.key).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    const node = await makeNodeCertificate(ca, { dnsNames: ["rabbit-1", "localhost"], ipAddresses: ["172.28.9.11", "172.28.9.220"] }, 48);
    const caCert = new X509Certificate(ca.cert);
    const cert = new X509Certificate(node.cert);
    expect(caCert.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(caCert) && cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.subjectAltName).toBe("DNS:rabbit-1, DNS:localhost, IP Address:172.28.9.11, IP Address:172.28.9.220");
    expect(cert.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]);
    expect((new Date(cert.validTo).getTime() - new Date(cert.validFrom).getTime()) / 3_600_000).toBe(48);
  });

  it("keeps private keys secret in state and replaces on any input change, as the provider's schemas say", () => {
    expect(CHANGE_TABLE["tls:index/privateKey:PrivateKey"]?.secretOutputs).toEqual(["privateKeyPem", "privateKeyPemPkcs8", "privateKeyOpenssh"]);
    for (const type of ["PrivateKey", "SelfSignedCert", "CertRequest", "LocallySignedCert"]) {
      const facts = Object.entries(CHANGE_TABLE).find(([t]) => t.endsWith(`:${type}`))?.[1];
      expect(facts?.otherwise).toBe("replace");
    }
  });
});
