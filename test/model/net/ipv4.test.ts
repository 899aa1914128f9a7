import { describe, expect, it } from "vitest";
import { contains, firstHost, formatIpv4, hasHostBits, parseCidr, parseIpv4 } from "../../../model/net/ipv4";

describe("IPv4", () => {
  it("parses and formats dotted quads", () => {
    expect(formatIpv4(parseIpv4("172.28.8.220") as number)).toBe("172.28.8.220");
    expect(["256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "a.b.c.d"].map(parseIpv4)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("computes network, broadcast and first host of a subnet", () => {
    const subnet = parseCidr("172.28.8.0/24");
    expect(subnet && [formatIpv4(subnet.network), formatIpv4(subnet.broadcast), formatIpv4(firstHost(subnet))]).toEqual(["172.28.8.0", "172.28.8.255", "172.28.8.1"]);
    expect(subnet && contains(subnet, parseIpv4("172.28.9.1") as number)).toBe(false);
  });

  it("knows a subnet written with host bits", () => {
    expect(hasHostBits(parseCidr("10.1.2.3/16") as NonNullable<ReturnType<typeof parseCidr>>)).toBe(true);
    expect(parseCidr("10.0.0.0/33")).toBeUndefined();
  });
});
