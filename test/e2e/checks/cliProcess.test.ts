import { describe, expect, it } from "vitest";
import { lastHostAddress, oneLineFailureProblems, redact, type CliRun } from "./cliProcess";

const run = (fields: Partial<CliRun>): CliRun => ({ exitCode: 2, stdout: "", stderr: "", ms: 1, ...fields });
const WRONG = /wrong username or password/;

describe("oneLineFailureProblems", () => {
  it("accepts exit 2 with one reason line on stderr", () => {
    const line = 'verify: management API http://10.0.0.1:15672: user "admin" rejected: wrong username or password\n';
    expect(oneLineFailureProblems(run({ stderr: line }), WRONG, ["s3cret"])).toEqual([]);
  });

  it("names every way the output breaks the promise, without repeating the secret", () => {
    const stderr = "Error: wrong username or password s3cret\n    at main (/work/cli/verify.ts:12:3)\n";
    expect(oneLineFailureProblems(run({ exitCode: 1, stdout: "table s3cret\n", stderr }), WRONG, ["s3cret"])).toEqual([
      "exit status 1, expected 2 (could not run)",
      "printed on stdout: table [secret]",
      "2 lines on stderr, expected 1",
      "a stack trace on stderr",
      "a password appears in the output",
    ]);
  });

  it("quotes the line when it gives another reason", () => {
    expect(oneLineFailureProblems(run({ stderr: "verify: connection refused\n" }), WRONG, [])).toEqual([
      "the line does not match /wrong username or password/: verify: connection refused",
    ]);
  });

  it("counts a run that exited 0 silently as a failure", () => {
    expect(oneLineFailureProblems(run({ exitCode: 0 }), WRONG, [])).toEqual([
      "exit status 0, expected 2 (could not run)",
      "0 lines on stderr, expected 1",
      "the line does not match /wrong username or password/: ",
    ]);
  });
});

describe("redact", () => {
  it("replaces every occurrence of every non-empty secret", () => {
    expect(redact("a=pw b=pw c=key", ["pw", "key", ""])).toBe("a=[secret] b=[secret] c=[secret]");
  });
});

describe("lastHostAddress", () => {
  it.each([
    ["172.29.62.0/24", "172.29.62.254"],
    ["172.29.61.7/24", "172.29.61.254"],
    ["10.1.0.0/16", "10.1.255.254"],
    ["192.168.4.64/26", "192.168.4.126"],
  ])("%s -> %s", (cidr, last) => {
    expect(lastHostAddress(cidr)).toBe(last);
  });

  it.each(["172.29.62.0", "300.1.1.0/24", "10.0.0.0/31", "a.b.c.d/24"])("refuses %s", (cidr) => {
    expect(() => lastHostAddress(cidr)).toThrow(`not an IPv4 subnet: ${cidr}`);
  });
});
