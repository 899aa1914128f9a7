import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadStack } from "../../../model/load";
import { tlsSchema } from "../../../model/schema/tls";
import { buildTls, managementEndpoint } from "../../../model/build/stack";
import { nodeTlsNames } from "../../../model/tls/spec";

const REPO = path.resolve(__dirname, "..", "..", "..");

describe("rabbitmq-ha:tls in the model", () => {
  it("is off unless the stack says so; the production example (modern) turns it on with generated certificates", () => {
    expect(buildTls(undefined).enabled).toBe(false);
    const modern = loadStack(REPO, "modern").model!;
    expect(modern.tls).toEqual({ enabled: true, plainListeners: true, source: "generated", validityDays: 825 });
    expect(modern.managementEndpoint).toBe("https://172.28.9.220:15671");
    expect(loadStack(REPO, "dev").model!.tls.enabled).toBe(false);
  });

  it("points the topology at HTTPS 15671 with TLS on, unless the stack names an endpoint", () => {
    const on = buildTls(tlsSchema.parse({ enabled: true }));
    expect(managementEndpoint({ managementEndpoint: undefined } as never, "10.0.0.1", on)).toBe("https://10.0.0.1:15671");
    expect(managementEndpoint({ managementEndpoint: "https://mq.example:15671" } as never, "10.0.0.1", on)).toBe("https://mq.example:15671");
  });

  it.each([
    [{ certificates: "bought" }, "certificates"],
    [{ validityDays: 10 }, "validityDays"],
    [{ enable: true }, ""],
  ])("refuses %j", (input, field) => {
    const parsed = tlsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join(".")).toBe(field);
  });

  it("names a node by its hostname, its address and the VIP (TLS is passed through to it)", () => {
    expect(nodeTlsNames({ hostname: "rabbit-1", address: "172.28.9.11" }, "172.28.9.220")).toEqual({
      dnsNames: ["rabbit-1", "localhost"],
      ipAddresses: ["172.28.9.11", "172.28.9.220", "127.0.0.1"],
    });
  });
});
