/**
 * The Erlang cookie file in every node: owned by the rabbitmq user, readable by it only
 * (Erlang refuses a cookie others can read), and the same on every node.
 */
import { Check, expect } from "./types";
import { execIn } from "../containers";

const COOKIE = "/var/lib/rabbitmq/.erlang.cookie";

export const cookieFile: Check = {
  name: "Erlang cookie file 0400, owned by rabbitmq, same on every node",
  run: async (deployment) => {
    const digests = new Set<string>();
    for (const node of deployment.nodes) {
      const stat = await execIn(deployment.dockerOf(node.container), node.container, ["stat", "-c", "%a %U %u", COOKIE]);
      expect(stat.exitCode === 0, `${node.hostname}: ${COOKIE} missing (${stat.output.trim()})`);
      expect(stat.output.trim() === "400 rabbitmq 999", `${node.hostname}: ${COOKIE} is "${stat.output.trim()}", want "400 rabbitmq 999"`);
      const sum = await execIn(deployment.dockerOf(node.container), node.container, ["sha256sum", COOKIE]);
      digests.add(sum.output.split(" ")[0] ?? "");
    }
    expect(digests.size === 1, `the cookie differs between nodes (${digests.size} distinct values)`);
    return `mode 400, owner rabbitmq (uid 999) on ${deployment.nodes.length} nodes, one shared value`;
  },
};
