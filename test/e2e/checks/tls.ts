/**
 * rabbitmq-ha:tls through the VIP (issue 14), run on the layouts that turn it on: a client
 * verifying the stack CA publishes and consumes with confirms over AMQPS; clients with no CA or
 * a wrong one are refused by their own certificate check (not by a closed port or a plain
 * listener); the topology was declared over HTTPS with the CA. Each check fails when the
 * thing did not happen: a plain listener on 5671 fails the handshake (no certificate error),
 * a provider on http fails the endpoint test.
 */
import { readFileSync } from "node:fs";
import type { TLSSocket } from "node:tls";
import amqp from "amqplib";
import { Check, expect } from "./types";
import type { Deployment } from "../deployment";
import { RABBITMQ_PROVIDER } from "../deployment";
import { loadRoutes } from "../load/routes";
import { requestWithCa } from "../../../infra/admin/caRequest";
import { AMQPS_PORT, MANAGEMENT_TLS_PORT } from "../../../model/tls/spec";
import { PROVIDERS } from "../../../engine/providers/handlers";

const MESSAGES = 200;

function caOf(deployment: Deployment): string {
  const ca = deployment.outputs["caCertificate"];
  expect(typeof ca === "string" && ca.includes("BEGIN CERTIFICATE"), "stack output caCertificate is missing or not a PEM certificate");
  return ca;
}

function amqpsOptions(deployment: Deployment, vhost: string): amqp.Options.Connect {
  const { username, password } = deployment.management;
  return { protocol: "amqps", hostname: deployment.vip, port: AMQPS_PORT, vhost, username, password, heartbeat: 10 };
}

/** A CA nobody signed the brokers' certificates with, made as the stack's is. */
async function unrelatedCa(): Promise<string> {
  const input = (name: string, inputs: Record<string, unknown>) => ({ resource: { type: "t", name, urn: name }, inputs, providerInputs: undefined, testLabels: {} });
  const key = await PROVIDERS["tls:index/privateKey:PrivateKey"]!.create(input("wrong-ca-key", { algorithm: "ECDSA", ecdsaCurve: "P256" }));
  const cert = await PROVIDERS["tls:index/selfSignedCert:SelfSignedCert"]!.create(
    input("wrong-ca", { privateKeyPem: key.state["privateKeyPem"], subject: { commonName: "not the stack CA" }, isCaCertificate: true, validityPeriodHours: 24, allowedUses: ["cert_signing"] }),
  );
  return String(cert.state["certPem"]);
}

/** The client's own certificate verification refused the broker (not a closed port, not a plain listener). */
const CERTIFICATE_REFUSAL = /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_|certificate/i;

async function refusal(attempt: () => Promise<unknown>): Promise<string> {
  try {
    await attempt();
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
    return `${e.code ?? e.cause?.code ?? ""} ${e.message}`.trim();
  }
  return "";
}

export const amqpsConfirmedThroughVip: Check = {
  name: "tls: AMQPS through the VIP verifying the stack CA, confirmed publish and consume",
  run: async (deployment) => {
    const ca = caOf(deployment);
    const route = loadRoutes(deployment)[0];
    expect(route !== undefined, "no load route to find a vhost in");
    const connection = await amqp.connect(amqpsOptions(deployment, route.vhost), { ca: [ca], servername: deployment.vip, timeout: 5_000 });
    connection.on("error", () => undefined);
    try {
      const socket = (connection.connection as unknown as { stream: TLSSocket }).stream;
      expect(typeof socket.getPeerCertificate === "function" && socket.authorized, "the connection is not a verified TLS connection");
      const peer = socket.getPeerCertificate();
      expect(String(peer.subjectaltname).includes(`IP Address:${deployment.vip}`), `the broker's certificate does not name the VIP (SANs: ${peer.subjectaltname})`);
      const channel = await connection.createConfirmChannel();
      const { queue } = await channel.assertQueue("", { exclusive: true });
      for (let i = 0; i < MESSAGES; i++) channel.sendToQueue(queue, Buffer.from(`tls-${i}`), { persistent: true });
      await channel.waitForConfirms();
      let received = 0;
      for (;;) {
        const message = await channel.get(queue, { noAck: true });
        if (message === false) break;
        received++;
      }
      expect(received === MESSAGES, `${MESSAGES} confirmed, ${received} consumed back`);
      return `${socket.getProtocol()} to ${peer.subject.CN} (SANs include the VIP), ${MESSAGES}/${MESSAGES} confirmed and consumed`;
    } finally {
      await connection.close().catch(() => undefined);
    }
  },
};

export const tlsRefusedWithoutTheCa: Check = {
  name: "tls: clients with no CA or a wrong CA are refused (AMQPS and HTTPS)",
  run: async (deployment) => {
    const vhost = loadRoutes(deployment)[0]?.vhost ?? "/";
    const wrongCa = await unrelatedCa();
    const cases: [string, () => Promise<unknown>][] = [
      ["AMQPS, system CAs", () => amqp.connect(amqpsOptions(deployment, vhost), { servername: deployment.vip, timeout: 5_000 })],
      ["AMQPS, wrong CA", () => amqp.connect(amqpsOptions(deployment, vhost), { ca: [wrongCa], servername: deployment.vip, timeout: 5_000 })],
      ["HTTPS, system CAs", () => fetch(`https://${deployment.vip}:${MANAGEMENT_TLS_PORT}/api/overview`, { signal: AbortSignal.timeout(5_000) })],
      ["HTTPS, wrong CA", () => requestWithCa(`https://${deployment.vip}:${MANAGEMENT_TLS_PORT}/api/overview`, { method: "GET", headers: {}, timeoutMs: 5_000, ca: wrongCa })],
    ];
    const seen: string[] = [];
    for (const [what, attempt] of cases) {
      const reason = await refusal(attempt);
      expect(reason !== "", `${what}: connected, the broker's certificate was accepted without the stack CA`);
      expect(CERTIFICATE_REFUSAL.test(reason), `${what}: failed, but not on the certificate: ${reason}`);
      seen.push(`${what}: ${reason.split(" ")[0]}`);
    }
    return seen.join("; ");
  },
};

export const topologyDeclaredOverHttps: Check = {
  name: "tls: the topology provider declared over HTTPS with the stack CA",
  run: async (deployment) => {
    const ca = caOf(deployment);
    const provider = deployment.created.find((object) => object.type === RABBITMQ_PROVIDER);
    expect(provider !== undefined, "no rabbitmq provider in state");
    const endpoint = String(provider.inputs["endpoint"]);
    expect(endpoint === `https://${deployment.vip}:${MANAGEMENT_TLS_PORT}`, `provider endpoint is ${endpoint}, not https://${deployment.vip}:${MANAGEMENT_TLS_PORT}`);
    const caFile = String(provider.inputs["cacertFile"] ?? "");
    expect(caFile !== "" && readFileSync(caFile, "utf8") === ca, `provider cacertFile (${caFile || "unset"}) does not hold the stack CA`);
    const queues = deployment.created.filter((object) => object.type === "rabbitmq:index/queue:Queue").length;
    expect(queues > 0, "no queue was declared through the provider");
    const { username, password } = deployment.management;
    const auth = Buffer.from(`${username}:${password}`).toString("base64");
    const answer = await requestWithCa(`${endpoint}/api/queues`, { method: "GET", headers: { authorization: `Basic ${auth}` }, timeoutMs: 10_000, ca });
    expect(answer.status === 200, `GET ${endpoint}/api/queues with the CA: HTTP ${answer.status}`);
    const onBroker = (JSON.parse(answer.text) as unknown[]).length;
    return `${queues} queues declared through ${endpoint} (cacertFile = the stack CA); ${onBroker} queues listed over HTTPS`;
  },
};

export const TLS_CHECKS: readonly Check[] = [amqpsConfirmedThroughVip, tlsRefusedWithoutTheCa, topologyDeclaredOverHttps];
