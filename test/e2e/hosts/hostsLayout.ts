/**
 * The machines of a multi-host e2e stack (e2e-hosts), made before its deploy and removed after
 * its destroy: one network namespace with its own Docker engine per host of the stack, on a LAN
 * of the suite's own (namespaces.ts), each engine given the images its containers run (there is
 * no registry here: `docker save` from the main engine). Derived from the stack's model, so the
 * machines are exactly the hosts the program deploys onto.
 */
import type { Model } from "../../../model/types";
import { contains, formatIpv4, parseCidr, parseIpv4 } from "../../../model/net/ipv4";
import * as fs from "node:fs";
import { STATE_DIR, createLan, loadImages, ourLinks, ourNamespaces, startEngine, tearDownHosts, type HostsLan } from "./namespaces";

/**
 * The LAN: the stack's subnet, the client (this process) on its lowest free host address (the
 * highest stays unused: the verify CLI check probes it as an address nobody answers on).
 */
export function lanOf(model: Model): HostsLan {
  const subnet = parseCidr(model.network.subnet);
  if (!subnet) throw new Error(`the stack's subnet ${model.network.subnet} is not an IPv4 CIDR`);
  const taken = new Set([
    model.network.gateway,
    model.loadBalancers.virtualIp,
    ...model.hosts.map((h) => h.address),
    ...model.cluster.nodes.map((n) => n.address),
    ...model.loadBalancers.instances.map((l) => l.address),
  ]);
  const lastHost = subnet.network + 2 ** (32 - subnet.prefix) - 2;
  let client = subnet.network + 1;
  while (client < lastHost && taken.has(formatIpv4(client))) client++;
  if (client >= lastHost) throw new Error(`no free address on ${model.network.subnet} for the test client`);
  const hosts = model.hosts.map((host) => {
    const address = host.address === undefined ? undefined : parseIpv4(host.address);
    if (address === undefined || !contains(subnet, address)) throw new Error(`host ${host.name} has no address on ${model.network.subnet}`);
    return { name: host.name, address: host.address as string };
  });
  return { subnet: model.network.subnet, clientAddress: formatIpv4(client), prefixLength: subnet.prefix, hosts };
}

/** The images each host's containers run: the RabbitMQ image where a node runs, the load-balancer image where a load balancer runs. */
export function imagesPerHost(model: Model): Map<string, string[]> {
  const images = new Map<string, Set<string>>(model.hosts.map((h) => [h.name, new Set<string>()]));
  for (const node of model.cluster.nodes) images.get(node.host)?.add(model.cluster.image);
  const lbImage = model.loadBalancers.prebuiltImage;
  if (lbImage === undefined) throw new Error("the namespace engines cannot build the load-balancer image (no route to Debian's mirror): the stack must name a prebuilt one (loadBalancers.image)");
  for (const lb of model.loadBalancers.instances) images.get(lb.host)?.add(lbImage);
  return new Map([...images].map(([host, set]) => [host, [...set]]));
}

/** Removes what an earlier run left, then starts the machines; returns an account of them. */
export async function startMachines(model: Model): Promise<string> {
  const started = Date.now();
  await tearDownHosts();
  const lan = lanOf(model);
  createLan(lan);
  await Promise.all(lan.hosts.map((host) => startEngine(host.name)));
  const enginesMs = Date.now() - started;
  const images = imagesPerHost(model);
  for (const [host, list] of images) loadImages(host, list);
  const loaded = [...images].map(([host, list]) => `${host}: ${list.join(", ")}`).join("; ");
  return `${lan.hosts.length} engines on ${lan.subnet} (client ${lan.clientAddress}) up in ${(enginesMs / 1000).toFixed(1)}s; images loaded in ${((Date.now() - started - enginesMs) / 1000).toFixed(1)}s (${loaded})`;
}

export { tearDownHosts as removeMachines };

/** What of the machines is still there: namespaces, links, the state directory (engines live under it). */
export function leftMachines(): string[] {
  return [
    ...ourNamespaces().map((ns) => `namespace ${ns}`),
    ...ourLinks().map((link) => `link ${link}`),
    ...(fs.existsSync(STATE_DIR) ? [STATE_DIR] : []),
  ];
}
