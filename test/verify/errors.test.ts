import { describe, expect, test } from "vitest";
import { describeError, isBrokerRefusal, VerifyAbort } from "../../verify/errors";

const coded = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.1:5672`), { code });
const timeout = () => Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });

describe("describeError", () => {
  test.each([
    { case: "refused", error: coded("ECONNREFUSED"), line: "connection refused" },
    { case: "no route", error: coded("EHOSTUNREACH"), line: "host unreachable" },
    { case: "unknown host", error: coded("ENOTFOUND"), line: "host not found" },
    { case: "fetch hides the socket error in its cause", error: new TypeError("fetch failed", { cause: coded("ECONNREFUSED") }), line: "connection refused" },
    { case: "fetch's deadline", error: timeout(), line: "no answer (timed out)" },
    { case: "amqplib's connect timeout", error: new Error("connect ETIMEDOUT"), line: "no answer (timed out)" },
    { case: "fetch's blocked ports", error: new TypeError("fetch failed", { cause: new Error("bad port") }), line: "fetch refuses this port (it is on the WHATWG list of blocked ports)" },
    {
      case: "a wrong password at the AMQP handshake",
      error: new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."'),
      line: "login refused: wrong username or password",
    },
    {
      case: "a missing permission on a channel keeps the broker's words",
      error: new Error(`Channel closed by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - access to exchange 'X' in vhost 'V' refused for user 'u'"`),
      line: "ACCESS_REFUSED - access to exchange 'X' in vhost 'V' refused for user 'u'",
    },
    {
      case: "a vhost the broker will not open",
      error: new Error("Expected ConnectionOpenOk; got <ConnectionClose channel:0>"),
      line: "the broker refused the vhost (it does not exist, or the user has no permission on it)",
    },
    { case: "not an AMQP port", error: new Error("Socket closed abruptly during opening handshake"), line: "connection closed during the AMQP handshake (is this an AMQP port?)" },
    { case: "our own abort", error: new VerifyAbort("management API http://vip:15672: connection refused"), line: "management API http://vip:15672: connection refused" },
    { case: "anything else: its first line", error: new Error("first\nsecond"), line: "first" },
    { case: "not an Error", error: "plain", line: "plain" },
  ])("$case", ({ error, line }) => {
    expect(describeError(error)).toBe(line);
  });
});

test.each([
  [new Error('Handshake terminated by server: 403 (ACCESS-REFUSED) with message "x"'), true],
  [new Error("Expected ConnectionOpenOk; got <ConnectionClose channel:0>"), true],
  [coded("ECONNREFUSED"), false],
  [new Error("Socket closed abruptly during opening handshake"), false],
])("isBrokerRefusal(%s) is %s", (error, refusal) => {
  expect(isBrokerRefusal(error)).toBe(refusal);
});
