import { describe, expect, test } from "vitest";
import { parseEndpoint, printable, withHost } from "../../verify/endpoint";
import { thrownMessage } from "./support/thrown";

describe("parseEndpoint", () => {
  test("splits the credentials off; what remains is printable", () => {
    const endpoint = parseEndpoint("http://admin:s%3Acret@172.28.8.220:15672/", "the management URL", ["http:", "https:"]);
    expect([endpoint.username, endpoint.password, printable(endpoint.url)]).toEqual(["admin", "s:cret", "http://172.28.8.220:15672"]);
  });

  test("without credentials", () => {
    const endpoint = parseEndpoint("amqp://172.28.8.220", "the AMQP URL", ["amqp:", "amqps:"]);
    expect([endpoint.username, endpoint.password, printable(endpoint.url)]).toEqual([undefined, undefined, "amqp://172.28.8.220"]);
  });

  test("an invalid URL is named without echoing it (it may hold a password)", () => {
    expect(thrownMessage(() => parseEndpoint("//admin:secret@vip:15672", "the management URL", ["http:"]))).toBe("VerifyAbort: the management URL is not a valid URL");
  });
});

test("withHost keeps scheme, port, path and credentials, and changes only the host", () => {
  const url = new URL("http://stats:pw@172.28.8.220:8404/stats");
  expect(withHost(url, "172.28.8.21").href).toBe("http://stats:pw@172.28.8.21:8404/stats");
  expect(printable(withHost(url, "172.28.8.21"))).toBe("http://172.28.8.21:8404/stats");
});
