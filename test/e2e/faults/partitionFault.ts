/**
 * One node cut off from the others for 20 s: its container is disconnected from the stack's
 * network (the one network this test's deployment created) and connected again with its fixed
 * address and alias. Clients must keep connecting through the VIP meanwhile: each load balancer
 * checks every node on that node alone, so the healthy nodes stay in service. Fails when new
 * clients could not complete an AMQP handshake through the VIP for MAX_OUTAGE_S or longer, or
 * when the node does not rejoin the cluster.
 */
import type { Deployment, NodeHandle } from "../deployment";
import { waitFor } from "../containers";
import { membershipProblems } from "../checks/cluster";
import { sleep } from "../log";
import { Fault } from "./fault";
import { RemoteHandshakeProbe, type HandshakeMeasurement } from "./handshakeProbe";
import { clientNode } from "./nodeFaults";

const PARTITION_MS = 20_000;
const MAX_OUTAGE_S = 5;
const REJOIN_TIMEOUT_MS = 120_000;

interface Attachment {
  readonly network: string;
  readonly address: string;
  readonly aliases: string[];
}

/** The node's one network, as the deployment attached it. */
async function attachmentOf(deployment: Deployment, node: NodeHandle): Promise<Attachment> {
  const networks = (await deployment.dockerOf(node.container).getContainer(node.container).inspect()).NetworkSettings.Networks;
  const entries = Object.entries(networks);
  const [name, settings] = entries[0] ?? [];
  if (entries.length !== 1 || !name || !settings) throw new Error(`${node.container} is attached to ${entries.length} networks, expected the stack's one`);
  const address = settings.IPAMConfig?.IPv4Address || settings.IPAddress;
  return { network: name, address, aliases: (settings.Aliases ?? []).filter((a: string) => a === node.hostname) };
}

async function partition(deployment: Deployment, node: NodeHandle, attachment: Attachment, forMs: number): Promise<void> {
  const network = deployment.dockerOf(node.container).getNetwork(attachment.network);
  await network.disconnect({ Container: node.container, Force: true });
  try {
    await sleep(forMs);
  } finally {
    await network.connect({
      Container: node.container,
      EndpointConfig: { IPAMConfig: { IPv4Address: attachment.address }, Aliases: attachment.aliases.length > 0 ? attachment.aliases : [node.hostname] },
    });
  }
}

export const PARTITION_FAULT: Fault = {
  id: "node-partition",
  name: `cut one node off the network for ${PARTITION_MS / 1000}s (new clients must still connect through the VIP)`,
  inject: async (deployment) => {
    const node = clientNode(deployment);
    const attachment = await attachmentOf(deployment, node);
    const probe = new RemoteHandshakeProbe(deployment.vip);
    await probe.ready;
    let measured: HandshakeMeasurement;
    try {
      await partition(deployment, node, attachment, PARTITION_MS);
    } finally {
      measured = await probe.stop();
    }
    const reconnected = Date.now();
    const clients = `new AMQP handshakes through the VIP during the partition: ${measured.attempts - measured.failed}/${measured.attempts} ok, longest outage ${measured.longestOutageSeconds}s`;
    if (measured.longestOutageSeconds >= MAX_OUTAGE_S) throw new Error(`${node.hostname} cut off: ${clients} (allowed: under ${MAX_OUTAGE_S}s)`);
    let last: string[] = [];
    await waitFor(`${node.erlangNode} to rejoin`, REJOIN_TIMEOUT_MS, async () => {
      last = await membershipProblems(deployment);
      return last.length === 0;
    }, 1_000).catch(() => {
      throw new Error(`${node.hostname} reconnected at ${attachment.address} but the cluster is not whole after ${REJOIN_TIMEOUT_MS / 1000}s: ${last.join("; ")}; ${clients}`);
    });
    return `${node.hostname} (${attachment.address}) cut off for ${PARTITION_MS / 1000}s; ${clients}; a running member again ${((Date.now() - reconnected) / 1000).toFixed(1)}s after reconnecting`;
  },
};
