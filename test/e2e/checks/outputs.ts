/**
 * The stack outputs a user copies: amqpUrl and managementUrl point at the VIP and work as they
 * are (credentials included), the way `verify` or an application would use them.
 */
import amqp from "amqplib";
import { Check, expect } from "./types";
import { requestWithCa } from "../../../infra/admin/caRequest";

export const outputsWork: Check = {
  name: "stack outputs amqpUrl and managementUrl work through the VIP",
  run: async (deployment) => {
    const outputs = deployment.outputs;
    const amqpUrl = String(outputs["amqpUrl"] ?? "");
    const managementUrl = String(outputs["managementUrl"] ?? "");
    expect(amqpUrl !== "" && managementUrl !== "", `missing outputs: ${Object.keys(outputs).join(", ")}`);
    const parsedAmqp = parseUrl(amqpUrl, "amqpUrl");
    expect(parsedAmqp.hostname === deployment.vip, `amqpUrl points at ${parsedAmqp.hostname}, not the VIP ${deployment.vip}`);
    const connection = await amqp.connect(amqpUrl, { timeout: 3_000 });
    await connection.close();
    const parsed = parseUrl(managementUrl, "managementUrl");
    const auth = Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString("base64");
    parsed.username = "";
    parsed.password = "";
    // With rabbitmq-ha:tls on, managementUrl is https: verified against the caCertificate output.
    const ca = typeof outputs["caCertificate"] === "string" ? outputs["caCertificate"] : undefined;
    const response = await requestWithCa(new URL("/api/whoami", parsed).href, { method: "GET", headers: { authorization: `Basic ${auth}` }, timeoutMs: 10_000, ...(ca ? { ca } : {}) });
    expect(response.status === 200, `GET /api/whoami with managementUrl's credentials: HTTP ${response.status}`);
    return `amqpUrl connects, managementUrl authenticates (host ${parsed.hostname})`;
  },
};

/** A URL that does not parse (e.g. a password with unescaped reserved characters) fails by name. */
function parseUrl(text: string, what: string): URL {
  try {
    return new URL(text);
  } catch {
    const shape = text.replace(/\/\/[^@]*@/, "//USER:PASSWORD@");
    throw new Error(`${what} is not a valid URL (${shape}): are reserved characters in the credentials escaped?`);
  }
}
