/**
 * A stalled VIP holder: its load-balancer container is frozen (`docker pause`: every process
 * stops, the kernel side of its network namespace stays) for 20 s, so the peer takes the VIP;
 * then it thaws. Without preemption the VIP must stay with the peer: a thawed holder that takes
 * it back resets every client a second time. Fails if, during the SETTLE_MS after the thaw, the
 * thawed load balancer holds the VIP once the first second has passed (the instant it needs to
 * read its peer's advert and let go is allowed), or ends as its only holder.
 *
 * The detail also gives the longest time new clients could not complete an AMQP handshake
 * through the VIP: a plain TCP connect cannot see this fault, because the frozen holder's
 * kernel still completes handshakes into HAProxy's listen backlog.
 */
import type { Deployment, LbHandle } from "../deployment";
import { demuxed, waitHealthyAgain } from "../containers";
import { sleep } from "../log";
import { Fault } from "./fault";
import { RemoteHandshakeProbe, type HandshakeMeasurement } from "./handshakeProbe";
import { otherLb, vipHolders, waitForSingleHolder } from "./vip";

const PAUSE_MS = 20_000;
const SETTLE_MS = 5_000;
const GRACE_MS = 1_000;
const FAILOVER_TIMEOUT_MS = 15_000;

/** Pauses `holder` for PAUSE_MS; returns how the peer took over. Unpauses whatever happens. */
async function stall(deployment: Deployment, holder: LbHandle, peer: LbHandle): Promise<string> {
  const container = deployment.dockerOf(holder.container).getContainer(holder.container);
  const paused = Date.now();
  await container.pause();
  try {
    await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS, peer);
    const tookOver = `${peer.name} took the VIP ${((Date.now() - paused) / 1000).toFixed(1)}s after the pause`;
    await sleep(Math.max(0, PAUSE_MS - (Date.now() - paused)));
    return tookOver;
  } finally {
    await container.unpause();
  }
}

/** Samples the VIP holders for SETTLE_MS after the thaw; `movedBack` when `thawed` held it past the grace. */
async function watchHolders(deployment: Deployment, thawed: LbHandle): Promise<{ samples: string[]; movedBack: boolean }> {
  const started = Date.now();
  const samples: string[] = [];
  let movedBack = false;
  while (Date.now() - started < SETTLE_MS) {
    const names = (await vipHolders(deployment)).map((h) => h.name);
    const at = Date.now() - started;
    samples.push(`${(at / 1000).toFixed(1)}s:${names.join("+") || "none"}`);
    if (names.includes(thawed.name) && (at > GRACE_MS || names.length === 1)) movedBack = true;
    await sleep(250);
  }
  return { samples, movedBack };
}

/** Keepalived's priority changes in `lb`'s log since `sinceMs` ("... effective priority from 100 to 254"). */
async function priorityChanges(deployment: Deployment, lb: LbHandle, sinceMs: number): Promise<string> {
  const raw = await deployment.dockerOf(lb.container).getContainer(lb.container).logs({ stdout: true, stderr: true, since: Math.floor(sinceMs / 1000), follow: false });
  const changes = demuxed(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)))
    .split("\n")
    .map((line) => /effective priority from (\d+) to (\d+)/.exec(line))
    .flatMap((m) => (m ? [`${m[1]}->${m[2]}`] : []));
  return `${lb.name} priority ${changes.join(", ") || "unchanged"}`;
}

export const STALL_FAULT: Fault = {
  id: "lb-stall",
  name: `pause the VIP holder for ${PAUSE_MS / 1000}s, unpause (the VIP must stay where it moved)`,
  inject: async (deployment: Deployment) => {
    const preempt = deployment.model.loadBalancers.preempt;
    const holder = await waitForSingleHolder(deployment, FAILOVER_TIMEOUT_MS);
    const peer = otherLb(deployment, holder);
    const probe = new RemoteHandshakeProbe(deployment.vip);
    await probe.ready;
    const started = Date.now();
    let tookOver: string;
    let watched: { samples: string[]; movedBack: boolean };
    let clients: HandshakeMeasurement;
    try {
      tookOver = await stall(deployment, holder, peer);
      watched = await watchHolders(deployment, holder);
    } finally {
      clients = await probe.stop();
    }
    const finalHolders = (await vipHolders(deployment)).map((h) => h.name);
    const priorities = await priorityChanges(deployment, peer, started).catch((e: Error) => `${peer.name} log unreadable: ${e.message}`);
    const story =
      `${holder.name} paused ${PAUSE_MS / 1000}s; ${tookOver} (${priorities}); holders after the thaw ${watched.samples.join(" ")}; finally ${finalHolders.join("+") || "none"}; ` +
      `new AMQP handshakes through the VIP ${clients.attempts - clients.failed}/${clients.attempts} ok, longest outage ${clients.longestOutageSeconds}s`;
    if (!preempt && (watched.movedBack || finalHolders.includes(holder.name))) {
      throw new Error(`preempt is false but the VIP moved back to the thawed ${holder.name} (every client reset a second time): ${story}`);
    }
    if (finalHolders.length !== 1) throw new Error(`${finalHolders.length} load balancers hold the VIP after the thaw: ${story}`);
    await waitHealthyAgain(deployment.dockerOf(holder.container), holder.container, 30_000);
    return `${story}; ${holder.name} healthy again`;
  },
};
