import { describe, expect, test } from "vitest";
import { parseVerifyArgs } from "../../../verify/options/args";
import { resolveVerifyOptions, type StackSource } from "../../../verify/options/resolve";
import { testModel } from "../support/model";
import { thrownMessage } from "../support/thrown";

const args = (...argv: string[]) => parseVerifyArgs(argv, "/project");
const stack: StackSource = {
  name: "dev",
  unavailable: undefined,
  outputs: {
    amqpUrl: "amqp://admin:out-pw@172.28.8.220:5672",
    managementUrl: "http://admin:out-pw@172.28.8.220:15672",
    statsUrl: "http://stats:st@172.28.8.220:8404/stats",
    adminUser: "admin",
    loadBalancerAddresses: ["172.28.8.21", "172.28.8.22"],
  },
};

describe("resolveVerifyOptions", () => {
  test("--stack alone: URLs, credentials (from the URL), stats and addresses from the outputs", () => {
    const model = testModel();
    expect(resolveVerifyOptions(args("--stack", "dev"), {}, stack, model)).toEqual({
      amqpUrl: "amqp://admin:out-pw@172.28.8.220:5672",
      managementUrl: "http://admin:out-pw@172.28.8.220:15672",
      username: "admin",
      password: "out-pw",
      statsUrl: "http://stats:st@172.28.8.220:8404/stats",
      loadBalancerAddresses: ["172.28.8.21", "172.28.8.22"],
      model,
    });
  });

  test.each([
    { case: "a flag beats the environment and the stack", argv: ["--password", "flag-pw"], env: { RABBITMQ_HA_PASSWORD: "env-pw" }, password: "flag-pw" },
    { case: "the environment beats the stack", argv: [], env: { RABBITMQ_HA_PASSWORD: "env-pw" }, password: "env-pw" },
    { case: "an empty variable counts as unset", argv: [], env: { RABBITMQ_HA_PASSWORD: "" }, password: "out-pw" },
  ])("$case", ({ argv, env, password }) => {
    expect(resolveVerifyOptions(args(...argv), env, stack, undefined).password).toBe(password);
  });

  test("percent-encoded credentials in a URL are decoded", () => {
    const options = resolveVerifyOptions(args("--amqp-url", "amqp://vip", "--management-url", "http://ad%40min:p%3Aw%2F@vip:15672"), {}, undefined, undefined);
    expect([options.username, options.password]).toEqual(["ad@min", "p:w/"]);
  });

  test("the username falls back to the adminUser output when the URL has none", () => {
    const bare = { ...stack, outputs: { ...stack.outputs, managementUrl: "http://vip:15672", amqpUrl: "amqp://vip" } };
    const options = resolveVerifyOptions(args("--password", "pw"), {}, bare, undefined);
    expect([options.username, options.password]).toEqual(["admin", "pw"]);
  });

  test("an existing probe user from flags and environment", () => {
    const env = { RABBITMQ_HA_PROBE_PASSWORD: "ppw", RABBITMQ_HA_PROBE_VHOST: "PROBE" };
    expect(resolveVerifyOptions(args("--probe-user", "probe"), env, stack, undefined).probeUser).toEqual({ username: "probe", password: "ppw", vhost: "PROBE" });
  });

  const hint =
    "pass --amqp-url, --management-url, --username, --password or set RABBITMQ_HA_AMQP_URL, RABBITMQ_HA_MANAGEMENT_URL, RABBITMQ_HA_USERNAME, RABBITMQ_HA_PASSWORD";
  test.each([
    { case: "nothing at all", argv: [], env: {}, source: undefined, message: `missing the AMQP URL, the management URL, the username, the password (no --stack given); ${hint}` },
    {
      case: "outputs unreadable",
      argv: ["--amqp-url", "amqp://vip"],
      env: {},
      source: { name: "dev", outputs: undefined, unavailable: "the Pulumi CLI is not installed or could not be downloaded" },
      message: `missing the management URL, the username, the password (stack "dev" outputs unavailable: the Pulumi CLI is not installed or could not be downloaded); ${hint}`,
    },
    {
      case: "a probe user without its vhost",
      argv: ["--probe-user", "probe", "--probe-password", "ppw"],
      env: {},
      source: stack,
      message:
        "an existing probe user needs all of --probe-user, --probe-password and --probe-vhost (or RABBITMQ_HA_PROBE_USER, RABBITMQ_HA_PROBE_PASSWORD, RABBITMQ_HA_PROBE_VHOST)",
    },
    { case: "a URL that does not parse", argv: ["--amqp-url", "not a url"], env: {}, source: stack, message: "the AMQP URL is not a valid URL" },
    {
      case: "an HTTP URL where AMQP is expected",
      argv: ["--amqp-url", "http://vip:5672"],
      env: {},
      source: stack,
      message: "the AMQP URL must start with amqp:// or amqps:// (got http://)",
    },
  ])("refused: $case", ({ argv, env, source, message }) => {
    expect(thrownMessage(() => resolveVerifyOptions(args(...argv), env, source, undefined))).toBe(`VerifyAbort: ${message}`);
  });
});
