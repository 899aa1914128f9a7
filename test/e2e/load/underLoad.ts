/**
 * Runs an action (a fault, an update) while careful applications publish: confirmed publishing
 * into every load queue through the VIP, an AMQP-handshake probe through the VIP and a count of
 * node containers down, then publishers finish (republishing what was not confirmed), the
 * deployment must heal, and each queue is consumed to count lost and duplicated messages.
 * Shared by fault and update scenarios, so both are measured and judged the same way.
 */
import type { Deployment } from "../deployment";
import { adminAmqp } from "../deployment";
import { loadRoutes, type LoadRoute } from "./routes";
import { ConfirmedPublisher, type PublisherStats } from "./publisher";
import { account, drainQueue } from "./drain";
import { type CheckResult, expect, runCheck } from "../checks/types";
import type { ScenarioResult } from "../report";
import { elapsedSince, sleep } from "../log";
import { RemoteHandshakeProbe } from "../faults/handshakeProbe";
import { healProblems, waitHealed } from "../faults/heal";
import { NodesDownMonitor } from "./nodesDown";
import { VipMonitor } from "./vipMonitor";
import { type VipTimeline, vipTimeline } from "./vipTimeline";

export const RATE_PER_QUEUE = 100;
const WARM_UP_MS = 2_000;
const FINISH_TIMEOUT_MS = 60_000;
/** A working publisher confirms at least this share of what its rate asks for over a run. */
const MIN_CONFIRMED_SHARE = 0.25;

export interface StreamOutcome {
  readonly route: LoadRoute;
  readonly stats: PublisherStats;
  readonly lost: number;
  readonly lostIds: readonly string[];
  readonly duplicated: number;
  readonly confirmedDuringAction: number;
  /** Why the queue could not be read back (then nothing confirmed is known to be there). */
  readonly drainError?: string;
}

/** Who held the VIP from the action's start to its end (vipTimeline.ts), and the monitor's last error. */
export interface VipOutcome extends VipTimeline {
  readonly monitorError: string;
}

export interface LoadOutcome {
  readonly action: CheckResult;
  readonly healed: CheckResult;
  readonly streams: readonly StreamOutcome[];
  readonly longestOutageSeconds: number;
  /** Handshakes the probe tried: 0 means the outage was not measured. */
  readonly probeAttempts: number;
  readonly maxNodesDownAtOnce: number;
  /** Polls of the nodes-down monitor: 0 means nothing was measured. */
  readonly nodesDownSamples: number;
  /** Only when asked for (`watchVip`). */
  readonly vip: VipOutcome | undefined;
  readonly seconds: number;
  readonly actionSeconds: number;
}

export interface LoadOptions {
  /** Sample which load balancer holds the VIP during the action (load/vipMonitor.ts). */
  readonly watchVip?: boolean;
  /**
   * The deployment as the action left it (an update may add or remove a node or rotate the admin
   * password): healing and counting use it. The one given to underLoad when absent.
   */
  readonly after?: () => Deployment;
}

export async function underLoad(deployment: Deployment, id: string, name: string, action: () => Promise<string>, options: LoadOptions = {}): Promise<LoadOutcome> {
  const started = Date.now();
  const stamp = Date.now().toString(36);
  const streams = loadRoutes(deployment).map((route) => {
    const prefix = `${id}-${route.queueType}-${stamp}`;
    const publisher = new ConfirmedPublisher(adminAmqp(deployment, route.vhost), route, prefix, RATE_PER_QUEUE);
    publisher.start();
    return { route, prefix, publisher };
  });
  const baseline = await healProblems(deployment).catch(() => []);
  const probe = new RemoteHandshakeProbe(deployment.vip);
  await probe.ready;
  const nodesDown = new NodesDownMonitor(deployment);
  const vipMonitor = options.watchVip ? new VipMonitor(deployment) : undefined;
  await sleep(WARM_UP_MS);
  const actionStarted = Date.now();
  const confirmedBefore = streams.map((s) => s.publisher.confirmedIds.size);
  const actionResult = await runCheck(name, action);
  const actionEnded = Date.now();
  const actionSeconds = elapsedSince(actionStarted);
  const failover = await probe.stop();
  const down = await nodesDown.stop();
  const vip = await vipOutcome(vipMonitor, { fromMs: actionStarted, toMs: actionEnded });
  const finished = await Promise.all(streams.map(async (s) => ({ ...s, stats: await s.publisher.finish(FINISH_TIMEOUT_MS) })));
  const now = options.after?.() ?? deployment;
  const healed = await runCheck(`${id}: the deployment heals`, () => waitHealed(now, baseline));
  const outcomes: StreamOutcome[] = [];
  for (const [i, { route, prefix, publisher, stats }] of finished.entries()) {
    const confirmedDuringAction = stats.confirmed - (confirmedBefore[i] ?? 0);
    try {
      const counted = account(publisher.confirmedIds, await drainQueue(adminAmqp(now, route.vhost), route.queue, prefix));
      outcomes.push({ route, stats, lost: counted.lost, lostIds: counted.lostIds, duplicated: counted.duplicated, confirmedDuringAction });
    } catch (error) {
      // A queue that cannot be read back proves nothing was kept: its delivery check fails, the run goes on.
      outcomes.push({ route, stats, lost: publisher.confirmedIds.size, lostIds: [], duplicated: 0, confirmedDuringAction, drainError: (error as Error).message });
    }
  }
  return {
    action: actionResult,
    healed,
    streams: outcomes,
    longestOutageSeconds: failover.longestOutageSeconds,
    probeAttempts: failover.attempts,
    maxNodesDownAtOnce: down.mostDown,
    nodesDownSamples: down.samples,
    vip,
    seconds: elapsedSince(started),
    actionSeconds,
  };
}

async function vipOutcome(monitor: VipMonitor | undefined, window: { fromMs: number; toMs: number }): Promise<VipOutcome | undefined> {
  if (!monitor) return undefined;
  const { samples, lastError } = await monitor.stop();
  return { ...vipTimeline(samples, window), monitorError: lastError };
}

/**
 * The delivery verdict, one per queue: nothing confirmed was lost, everything sent was confirmed
 * in the end, and the publisher really worked: it confirmed at least a quarter of what its rate
 * asks for over the run, and some of it after the action began. A publisher that never connected
 * sends nothing and so fails here instead of passing with 0 lost of 0.
 */
export function deliveryChecks(id: string, outcome: LoadOutcome): Promise<CheckResult[]> {
  return Promise.all(
    outcome.streams.map((s) =>
      runCheck(`${id}: confirmed publishing into ${s.route.queue} lost nothing`, async () => {
        const minimum = Math.floor(RATE_PER_QUEUE * outcome.seconds * MIN_CONFIRMED_SHARE);
        expect(s.drainError === undefined, `the queue could not be drained, so none of ${s.stats.confirmed} confirmed messages is known to be kept: ${s.drainError}`);
        expect(s.lost === 0, `${s.lost} of ${s.stats.confirmed} confirmed messages lost: ${s.lostIds.slice(0, 10).join(", ")}`);
        expect(s.stats.unconfirmed === 0, `${s.stats.unconfirmed} messages never confirmed within ${FINISH_TIMEOUT_MS / 1000}s`);
        expect(s.stats.confirmed >= minimum, `only ${s.stats.confirmed} messages confirmed in ${outcome.seconds}s (at least ${minimum} expected at ${RATE_PER_QUEUE}/s)`);
        expect(s.confirmedDuringAction > 0, "no message was confirmed after the action began");
        return `${s.stats.sent} sent, ${s.stats.confirmed} confirmed (${s.confirmedDuringAction} after it began), ${s.duplicated} duplicated, ${s.stats.reconnects} reconnects (longest ${s.stats.longestReconnectSeconds}s)`;
      }),
    ),
  );
}

/** The figures of one queue's stream, for the summary. */
export function scenarioFigures(name: string, outcome: LoadOutcome, s: StreamOutcome): ScenarioResult {
  return {
    name: `${name} [${s.route.queueType}]`,
    sent: s.stats.sent,
    confirmed: s.stats.confirmed,
    confirmedDuringAction: s.confirmedDuringAction,
    lost: s.lost,
    duplicated: s.duplicated,
    reconnects: s.stats.reconnects,
    seconds: outcome.seconds,
    longestOutageSeconds: outcome.longestOutageSeconds,
  };
}
