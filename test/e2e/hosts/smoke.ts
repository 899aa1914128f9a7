/**
 * `npx tsx test/e2e/hosts/smoke.ts`: a small manual try of the namespace hosts (no deployment):
 * three engines up, an image loaded into each, a host-network container on each reaching the
 * other machines' LAN addresses (connection refused = reached), a link down cutting one off,
 * everything torn down. Prints the figures; exit 1 on any failure (after the teardown).
 */
import { execFileSync } from "node:child_process";
import { createLan, dockerUrlOf, loadImages, setLink, startEngine, tearDownHosts, type HostsLan } from "./namespaces";

const IMAGE = "rabbitmq-ha-test/debian:bookworm";
const LAN: HostsLan = {
  subnet: "10.213.8.0/24",
  clientAddress: "10.213.8.1",
  prefixLength: 24,
  hosts: [
    { name: "h1", address: "10.213.8.40" },
    { name: "h2", address: "10.213.8.45" },
    { name: "h3", address: "10.213.8.150" },
  ],
};

/** From a host-network container on `from`: "reached" when `to` answers (even with a refusal). */
function probe(from: string, to: string): string {
  const script = `timeout 2 bash -c 'exec 3<>/dev/tcp/${to}/4369' 2>&1; echo "exit=$?"`;
  const out = execFileSync("docker", ["-H", dockerUrlOf(from), "run", "--rm", "--label", "rabbitmq-ha.e2e-hosts=smoke", "--network", "host", IMAGE, "bash", "-c", script], { encoding: "utf8" });
  return /refused/.test(out) ? "reached" : /exit=124/.test(out) ? "timeout" : out.trim();
}

async function main(): Promise<number> {
  const t0 = Date.now();
  await tearDownHosts();
  let failed = 0;
  try {
    createLan(LAN);
    await Promise.all(LAN.hosts.map((h) => startEngine(h.name)));
    console.log(`engines up in ${Date.now() - t0} ms`);
    const t1 = Date.now();
    for (const h of LAN.hosts) loadImages(h.name, [IMAGE]);
    console.log(`image loaded into 3 engines in ${Date.now() - t1} ms`);
    for (const from of LAN.hosts) {
      for (const to of LAN.hosts.filter((h) => h !== from)) {
        const result = probe(from.name, to.address);
        console.log(`${from.name} -> ${to.address}: ${result}`);
        if (result !== "reached") failed++;
      }
    }
    setLink("h3", "down");
    const cut = probe("h1", "10.213.8.150");
    console.log(`h3 link down: h1 -> 10.213.8.150: ${cut}`);
    if (cut !== "timeout") failed++;
    setLink("h3", "up");
    const back = probe("h1", "10.213.8.150");
    console.log(`h3 link up: h1 -> 10.213.8.150: ${back}`);
    if (back !== "reached") failed++;
  } catch (error) {
    console.error(error);
    failed++;
  } finally {
    await tearDownHosts();
    console.log(`torn down; total ${Date.now() - t0} ms`);
  }
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
