/** Three machines on a documentation LAN (RFC 5737): pure checks and renders, nothing is reached. */
import type { Raw } from "./fixtures";

export function threeHosts(s: Raw): void {
  s.network.subnet = "192.0.2.0/24";
  s.hosts = [
    { name: "h1", url: "ssh://ops@192.0.2.40", address: "192.0.2.40", interface: "eth0" },
    { name: "h2", url: "ssh://ops@192.0.2.45", address: "192.0.2.45", interface: "ens18" },
    { name: "h3", url: "ssh://ops@192.0.2.150", address: "192.0.2.150" },
  ];
  ["h1", "h2", "h3"].forEach((host, i) => {
    s.cluster.nodes[i].host = host;
    s.cluster.nodes[i].address = s.hosts[i].address;
  });
  s.loadBalancers.virtualIp = "192.0.2.220";
  s.loadBalancers.instances[0] = { ...s.loadBalancers.instances[0], host: "h1", address: "192.0.2.40" };
  s.loadBalancers.instances[1] = { ...s.loadBalancers.instances[1], host: "h2", address: "192.0.2.45" };
}
