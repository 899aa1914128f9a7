import { describe, expect, test } from "vitest";
import { resolveTargets } from "../../verify/targets";
import type { VerifyOptions } from "../../verify/types";
import { thrownMessage } from "./support/thrown";

const options: VerifyOptions = {
  amqpUrl: "amqp://admin:pw@172.28.8.220:5672",
  managementUrl: "http://admin:pw@172.28.8.220:15672",
  username: "admin",
  password: "pw",
  statsUrl: "http://stats:st@172.28.8.220:8404/stats",
};

describe("resolveTargets", () => {
  test("credentials go to headers and the probe account, never stay in the URLs", () => {
    const targets = resolveTargets(options, 5000);
    expect(targets.api).toEqual({ label: "management API", base: new URL("http://172.28.8.220:15672"), username: "admin", password: "pw", timeoutMs: 5000 });
    expect(targets.amqp).toEqual({ url: new URL("amqp://172.28.8.220:5672"), timeoutMs: 5000 });
    expect(targets.stats).toEqual({ label: "HAProxy stats", base: new URL("http://172.28.8.220:8404/stats"), username: "stats", password: "st", timeoutMs: 5000 });
  });

  test("no stats URL, no stats target", () => {
    expect(resolveTargets({ ...options, statsUrl: undefined }, 5000).stats).toBeUndefined();
  });

  test.each([
    { case: "guest as management user", change: { username: "guest" }, message: 'refusing to run as "guest" (management user): give the stack\'s admin user or a dedicated probe user' },
    {
      case: "guest as probe user",
      change: { probeUser: { username: "guest", password: "guest", vhost: "/" } },
      message: 'refusing to run as "guest" (probe user): give the stack\'s admin user or a dedicated probe user',
    },
    { case: "an empty username", change: { username: "" }, message: "no management username given" },
    { case: "a stats URL of another scheme", change: { statsUrl: "ftp://vip/stats" }, message: "the stats URL must start with http:// or https:// (got ftp://)" },
  ])("refused: $case", ({ change, message }) => {
    expect(thrownMessage(() => resolveTargets({ ...options, ...change }, 5000))).toBe(`VerifyAbort: ${message}`);
  });
});
