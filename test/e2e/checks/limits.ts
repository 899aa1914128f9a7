/**
 * Every container runs with the memory and CPU limits the stack config gives it (docker
 * inspect: HostConfig.Memory, NanoCpus), and every node's memory watermark is the configured
 * fraction of its own container's limit (the management API's mem_limit), not of the host's RAM.
 */
import { Check, expect } from "./types";
import { limitBytes, watermarkBytes, type ContainerLimits } from "../../../model/limits";
import { management } from "../../../engine/providers/rabbitmq/http";

function limitsProblem(name: string, host: { Memory?: number; NanoCpus?: number }, want: ContainerLimits): string | undefined {
  const memory = host.Memory ?? 0;
  const nano = host.NanoCpus ?? 0;
  if (memory !== limitBytes(want)) return `${name}: memory limit ${memory} bytes, want ${limitBytes(want)}`;
  if (nano !== Math.round(want.cpus * 1e9)) return `${name}: NanoCpus ${nano}, want ${Math.round(want.cpus * 1e9)}`;
  return undefined;
}

export const containerLimits: Check = {
  name: "limits: every container has its configured memory and CPU limits (docker inspect)",
  run: async (deployment) => {
    const wanted = [
      ...deployment.nodes.map((n) => ({ container: n.container, limits: deployment.model.cluster.nodes.find((s) => s.hostname === n.hostname)!.limits })),
      ...deployment.lbs.map((lb) => ({ container: lb.container, limits: deployment.model.loadBalancers.limits })),
    ];
    for (const { container, limits } of wanted) {
      const info = await deployment.dockerOf(container).getContainer(container).inspect();
      const problem = limitsProblem(container, info.HostConfig as { Memory?: number; NanoCpus?: number }, limits);
      expect(problem === undefined, problem ?? "");
    }
    const node = deployment.model.cluster.nodes[0]!.limits;
    const lb = deployment.model.loadBalancers.limits;
    return `${wanted.length} containers; nodes ${node.memoryMiB} MiB / ${node.cpus} CPU, load balancers ${lb.memoryMiB} MiB / ${lb.cpus} CPU`;
  },
};

interface ApiNode {
  readonly name: string;
  readonly mem_limit?: number;
}

export const watermarkAgainstLimit: Check = {
  name: "limits: each node's memory watermark is the configured fraction of its container's limit",
  run: async (deployment) => {
    const nodes = (await management(deployment.management, "GET", "/api/nodes")).body as ApiNode[];
    const { cluster } = deployment.model;
    const figures: string[] = [];
    for (const spec of cluster.nodes) {
      const name = `rabbit@${spec.hostname}`;
      const want = watermarkBytes(cluster.memoryHighWatermark, spec.limits);
      const got = nodes.find((n) => n.name === name)?.mem_limit;
      expect(got === want, `${name}: mem_limit ${got}, want ${want} (${cluster.memoryHighWatermark} x ${spec.limits.memoryMiB} MiB)`);
      figures.push(`${spec.hostname} ${got}`);
    }
    return `mem_limit = ${cluster.memoryHighWatermark} x limit on every node (${figures.join(", ")} bytes)`;
  },
};

export const LIMITS_CHECKS: readonly Check[] = [containerLimits, watermarkAgainstLimit];
