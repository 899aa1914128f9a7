import { describe, expect, test } from "vitest";
import { parseVerifyArgs } from "../../../verify/options/args";
import { thrownMessage } from "../support/thrown";

describe("parseVerifyArgs", () => {
  test("defaults", () => {
    expect(parseVerifyArgs([], "/project")).toEqual({
      help: false, json: false, strict: false, stack: undefined, projectDir: "/project", amqpUrl: undefined, managementUrl: undefined,
      username: undefined, password: undefined, statsUrl: undefined, probeUser: undefined, probePassword: undefined, probeVhost: undefined,
      timeoutMs: undefined, messageCount: undefined,
    });
  });

  test("every flag", () => {
    const args = parseVerifyArgs(
      [
        "--stack", "dev", "--dir", "/elsewhere", "--json", "--strict", "--amqp-url", "amqp://vip", "--management-url", "http://vip:15672",
        "--username", "admin", "--password", "pw", "--stats-url", "http://stats:s@vip:8404/stats", "--probe-user", "probe",
        "--probe-password", "ppw", "--probe-vhost", "PROBE", "--timeout", "1.5s", "--messages", "50",
      ],
      "/project",
    );
    expect(args).toEqual({
      help: false, json: true, strict: true, stack: "dev", projectDir: "/elsewhere", amqpUrl: "amqp://vip", managementUrl: "http://vip:15672",
      username: "admin", password: "pw", statsUrl: "http://stats:s@vip:8404/stats", probeUser: "probe", probePassword: "ppw", probeVhost: "PROBE",
      timeoutMs: 1500, messageCount: 50,
    });
  });

  test.each([
    { argv: ["--bogus"], message: "Unknown option '--bogus' (--help lists the options)" },
    { argv: ["extra"], message: "Unexpected argument 'extra' (--help lists the options)" },
    { argv: ["--timeout", "10"], message: '--timeout: "10" is not a duration (a number with a unit ms, s, m or h, e.g. 200ms, 1.5s, 2m, 1h)' },
    { argv: ["--timeout", "0s"], message: "--timeout: must be more than 0 (got 0s)" },
    { argv: ["--messages", "0"], message: '--messages: "0" is not a whole number from 1 to 999999' },
    { argv: ["--messages", "many"], message: '--messages: "many" is not a whole number from 1 to 999999' },
  ])("$argv is refused: $message", ({ argv, message }) => {
    expect(thrownMessage(() => parseVerifyArgs(argv, "/project"))).toBe(`VerifyAbort: ${message}`);
  });
});
