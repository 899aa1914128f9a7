/**
 * IPv4 arithmetic for the network rules: addresses as unsigned 32-bit integers.
 */

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
export const IPV4_PATTERN = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
export const CIDR_PATTERN = new RegExp(`^${OCTET}(\\.${OCTET}){3}/(3[0-2]|[12]?\\d)$`);

export interface Subnet {
  readonly network: number;
  readonly prefix: number;
  readonly broadcast: number;
}

/** Parses dotted quad notation; undefined when it is not one (leading zeros are refused). */
export function parseIpv4(text: string): number | undefined {
  if (!IPV4_PATTERN.test(text)) return undefined;
  return text.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** Parses a.b.c.d/n; undefined when malformed. Host bits are kept (see `hasHostBits`). */
export function parseCidr(text: string): (Subnet & { readonly address: number }) | undefined {
  if (!CIDR_PATTERN.test(text)) return undefined;
  const [ip = "", bits = ""] = text.split("/");
  const address = parseIpv4(ip);
  if (address === undefined) return undefined;
  const prefix = Number(bits);
  const size = 2 ** (32 - prefix);
  const network = address - (address % size);
  return { address, network, prefix, broadcast: network + size - 1 };
}

export function hasHostBits(cidr: Subnet & { readonly address: number }): boolean {
  return cidr.address !== cidr.network;
}

export function contains(subnet: Subnet, address: number): boolean {
  return address >= subnet.network && address <= subnet.broadcast;
}

/** The first usable host address: Docker's default gateway for a bridge network. */
export function firstHost(subnet: Subnet): number {
  return subnet.network + 1;
}
