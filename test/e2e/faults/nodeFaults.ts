/**
 * Broker node faults: stop a node that serves clients (a RAM node in the seed layout, a
 * non-seed disc node in the modern one) and the seed disc node; hold it down while publishing
 * continues, then start it again.
 */
import type { Deployment, NodeHandle } from "../deployment";
import { Fault } from "./fault";
import { startAndWaitHealthy, stopContainer } from "./actions";
import { sleep } from "../log";

const DOWN_FOR_MS = 5_000;

function nodeFault(id: string, describe: string, pick: (deployment: Deployment) => NodeHandle): Fault {
  return {
    id,
    name: describe,
    inject: async (deployment) => {
      const node = pick(deployment);
      const stopped = Date.now();
      await stopContainer(deployment, node.container);
      await sleep(DOWN_FOR_MS);
      await startAndWaitHealthy(deployment, node.container);
      return `${node.hostname} (${node.type}) down, back healthy after ${((Date.now() - stopped) / 1000).toFixed(1)}s`;
    },
  };
}

const seedDisc = (deployment: Deployment): NodeHandle => {
  const disc = deployment.nodes.find((node) => node.type === "disc");
  if (!disc) throw new Error("the stack has no disc node");
  return disc;
};

const clientNode = (deployment: Deployment): NodeHandle => {
  const seed = seedDisc(deployment);
  const ram = deployment.nodes.find((node) => node.type === "ram");
  const other = ram ?? deployment.nodes.filter((node) => node !== seed).at(-1);
  if (!other) throw new Error("the stack has a single node");
  return other;
};

export const NODE_FAULTS: readonly Fault[] = [
  nodeFault("client-node-stop", "stop a RAM node (a non-seed node on 4.x)", clientNode),
  nodeFault("disc-node-stop", "stop the disc node (the seed node)", seedDisc),
];
