import { describe, expect, it } from "vitest";
import { isConnectionStart } from "../../../ops/loadBalancer/amqpAnswer";
import { listsAddress } from "../../../ops/loadBalancer/vipHolder";
import { parseVrrpDump } from "../../../ops/loadBalancer/vrrpState";

// `ip -o -4 addr show` in a load-balancer container holding the VIP (iproute2 6.1).
const IP_ADDR = [
  "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever",
  "2: eth0    inet 172.29.62.21/24 brd 172.29.62.255 scope global eth0\\       valid_lft forever preferred_lft forever",
  "2: eth0    inet 172.29.62.220/32 scope global eth0\\       valid_lft forever preferred_lft forever",
].join("\n");

describe("listsAddress", () => {
  it.each([
    { address: "172.29.62.220", listed: true },
    { address: "172.29.62.21", listed: true },
    { address: "172.29.62.22", listed: false },
    // A prefix of a listed address is not that address.
    { address: "172.29.62.2", listed: false },
  ])("$address: $listed", ({ address, listed }) => {
    expect(listsAddress(IP_ADDR, address)).toBe(listed);
  });
});

// Excerpts of /tmp/keepalived.data written on SIGUSR1 by keepalived 2.2.7 (two containers, VRRPv3).
const BACKUP_DUMP = `------< VRRP Topology >------
 VRRP Instance = v
   VRRP Version = 3
   State = BACKUP
   Master router = 172.29.99.21
   Master priority = 150
   Master advert int = 0.20 sec
   Wantstate = BACKUP
   Master down timer = 721875 usecs
------< Interfaces >------
 Name = eth0
   State = UP, RUNNING
`;
const MASTER_DUMP = `------< VRRP Topology >------
 VRRP Instance = v
   VRRP Version = 3
   State = MASTER
   Wantstate = MASTER
   Master down timer = 682812 usecs
------< Interfaces >------
 Name = lo
   State = UP, RUNNING, no broadcast, loopback, no multicast
`;

describe("parseVrrpDump", () => {
  it("a BACKUP names the master it hears", () => {
    expect(parseVrrpDump(BACKUP_DUMP)).toEqual({ state: "BACKUP", masterRouter: "172.29.99.21" });
  });
  it("a MASTER names none", () => {
    expect(parseVrrpDump(MASTER_DUMP)).toEqual({ state: "MASTER", masterRouter: undefined });
  });
  it("an interface's State line is not a VRRP state", () => {
    expect(parseVrrpDump(" Name = eth0\n   State = UP, RUNNING\n")).toBeUndefined();
  });
});

describe("isConnectionStart", () => {
  it.each([
    { why: "connection.start (method frame, channel 0, class 10, method 10)", hex: " 01 00 00 00 00 01 f8 00 0a 00 0a\n", is: true },
    { why: "a protocol-header reply (broker wants another version)", hex: " 41 4d 51 50 00 00 09 01\n", is: false },
    { why: "nothing (HAProxy accepted, no backend answered)", hex: "", is: false },
    { why: "another method", hex: " 01 00 00 00 00 00 04 00 0a 00 33\n", is: false },
  ])("$why", ({ hex, is }) => {
    expect(isConnectionStart(hex)).toBe(is);
  });
});
