// Manual try: `npx tsx test/e2e/hosts/manual/lan.ts` brings the three namespace hosts of e2e-hosts up with the test images; `... lan.ts down` removes everything.
import { createLan, loadImages, startEngine, tearDownHosts } from "../namespaces";
const hosts = [{ name: "mq-ram1", address: "10.213.8.40" }, { name: "mq-ram2", address: "10.213.8.45" }, { name: "mq-disc1", address: "10.213.8.150" }];
(async () => {
  const t0 = Date.now();
  await tearDownHosts();
  if (process.argv[2] === "down") return;
  createLan({ subnet: "10.213.8.0/24", clientAddress: "10.213.8.1", prefixLength: 24, hosts });
  await Promise.all(hosts.map((h) => startEngine(h.name)));
  console.log("engines", Date.now() - t0);
  for (const h of hosts) loadImages(h.name, ["rabbitmq-ha-test/rabbitmq:3.10-management", ...(h.name.startsWith("mq-ram") ? ["rabbitmq-ha-loadbalancer:rabbitmq-ha-test-haproxy-2.6"] : [])]);
  console.log("images", Date.now() - t0);
})();
