/**
 * Checks of PEM certificates and keys, pure (node:crypto's X509Certificate parses and verifies
 * synchronously, without I/O): that each parses, that the certificate was issued and signed by
 * the CA and matches the key, that its SANs cover the names clients use, and how far its expiry is.
 * Each problem names the config key it is about and what is allowed.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from "node:crypto";
import { EXPIRY_WARNING_DAYS, type TlsNames } from "./spec";

export interface PemSet {
  /** PEM of the certificate the nodes present. */
  readonly certificate: string;
  readonly ca: string;
  /** Absent where the key is not at hand (a generated certificate checked after signing). */
  readonly privateKey?: string;
}

/** Where each PEM came from, for messages (config keys, or the resources that made them). */
export interface PemOrigins {
  readonly certificate: string;
  readonly ca: string;
  readonly privateKey: string;
}

export interface PemFindings {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function parseCertificate(pem: string, origin: string, errors: string[]): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch (error) {
    errors.push(`${origin}: not a PEM certificate (${(error as Error).message}) (allowed: one "-----BEGIN CERTIFICATE-----" block)`);
    return undefined;
  }
}

function parseKey(pem: string, origin: string, errors: string[]): KeyObject | undefined {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    errors.push(`${origin}: not a PEM private key (${(error as Error).message}) (allowed: an unencrypted RSA, EC or PKCS#8 "PRIVATE KEY" block)`);
    return undefined;
  }
}

/** Names in `names` the certificate's SANs do not cover (subject CN is not consulted, as TLS clients no longer do). */
export function uncoveredNames(certificate: X509Certificate, names: TlsNames): string[] {
  const dns = names.dnsNames.filter((name) => certificate.checkHost(name, { subject: "never" }) === undefined);
  const ips = names.ipAddresses.filter((ip) => certificate.checkIP(ip) === undefined);
  return [...dns, ...ips];
}

/** Whole days from `now` to the certificate's notAfter (negative once expired). */
export function daysLeft(certificate: X509Certificate, now: Date): number {
  return Math.floor((new Date(certificate.validTo).getTime() - now.getTime()) / DAY_MS);
}

function expiryFindings(certificate: X509Certificate, origin: string, now: Date, errors: string[], warnings: string[]): void {
  const left = daysLeft(certificate, now);
  if (left < 0) errors.push(`${origin}: expired on ${certificate.validTo} (allowed: a certificate valid now)`);
  else if (left < EXPIRY_WARNING_DAYS) warnings.push(`${origin}: expires in ${left} days (${certificate.validTo}); renew it before then`);
  if (new Date(certificate.validFrom).getTime() > now.getTime()) errors.push(`${origin}: not valid before ${certificate.validFrom}`);
}

/**
 * Every problem of a certificate set: `names` is what each node's certificate must cover (one
 * entry per node; a given certificate serves all nodes, so it must cover every node's names).
 */
export function checkPemSet(pems: PemSet, origins: PemOrigins, names: readonly TlsNames[], now: Date): PemFindings {
  const errors: string[] = [];
  const warnings: string[] = [];
  const ca = parseCertificate(pems.ca, origins.ca, errors);
  const certificate = parseCertificate(pems.certificate, origins.certificate, errors);
  const key = pems.privateKey === undefined ? undefined : parseKey(pems.privateKey, origins.privateKey, errors);
  if (ca) {
    if (!ca.ca) errors.push(`${origins.ca}: not a CA certificate (basicConstraints CA:TRUE is required)`);
    expiryFindings(ca, origins.ca, now, errors, warnings);
  }
  if (certificate) {
    expiryFindings(certificate, origins.certificate, now, errors, warnings);
    if (ca && !(certificate.checkIssued(ca) && certificate.verify(ca.publicKey))) {
      errors.push(`${origins.certificate}: not signed by the CA in ${origins.ca} (issuer "${certificate.issuer.replace(/\n/g, ", ")}")`);
    }
    if (key && !certificate.checkPrivateKey(key)) errors.push(`${origins.privateKey}: does not match the public key of ${origins.certificate}`);
    const missing = [...new Set(names.flatMap((n) => uncoveredNames(certificate, n)))];
    if (missing.length > 0) {
      errors.push(`${origins.certificate}: its subjectAltNames do not cover ${missing.join(", ")} (allowed: a certificate whose SANs name every node hostname and address and the VIP clients use)`);
    }
  }
  return { errors, warnings };
}
