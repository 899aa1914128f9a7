import { describe, expect, test } from "vitest";
import { cliReason, toStackOutputs } from "../../../verify/options/stackOutputs";

describe("toStackOutputs", () => {
  test("reads the outputs index.ts exports; secrets arrive decrypted", () => {
    expect(
      toStackOutputs({
        virtualIp: { value: "172.28.8.220", secret: false },
        amqpUrl: { value: "amqp://admin:pw@172.28.8.220:5672", secret: true },
        managementUrl: { value: "http://admin:pw@172.28.8.220:15672", secret: true },
        statsUrl: { value: "http://stats:s@172.28.8.220:8404/stats", secret: true },
        adminUser: { value: "admin", secret: false },
        loadBalancerAddresses: { value: [{ name: "lb1", address: "172.28.8.21" }, { name: "lb2", address: "172.28.8.22" }], secret: false },
      }),
    ).toEqual({
      amqpUrl: "amqp://admin:pw@172.28.8.220:5672",
      managementUrl: "http://admin:pw@172.28.8.220:15672",
      statsUrl: "http://stats:s@172.28.8.220:8404/stats",
      adminUser: "admin",
      loadBalancerAddresses: ["172.28.8.21", "172.28.8.22"],
    });
  });

  test("plain address strings are accepted; absent or empty outputs are left out", () => {
    expect(toStackOutputs({ loadBalancerAddresses: { value: ["10.0.0.1"], secret: false }, statsUrl: { value: "", secret: true } })).toEqual({
      loadBalancerAddresses: ["10.0.0.1"],
    });
  });
});

describe("cliReason", () => {
  test.each([
    { error: new Error("code: 255\n stdout: \n stderr: error: no stack named 'prod' found\n"), reason: "no stack named 'prod' found" },
    { error: new Error("spawn pulumi ENOENT"), reason: "the Pulumi CLI is not installed or could not be downloaded" },
    { error: new Error("\nsomething odd\nmore"), reason: "something odd" },
  ])("$reason", ({ error, reason }) => {
    expect(cliReason(error)).toBe(reason);
  });
});
