/**
 * One fault scenario: confirmed publishing into every load queue through the VIP, a failover
 * probe, the fault (broken and restored), then: publishers finish (republishing what was not
 * confirmed), the deployment must heal, and each queue is consumed to count lost and
 * duplicated messages.
 */
import type { Deployment } from "../deployment";
import { adminAmqp } from "../deployment";
import { loadRoutes } from "../load/routes";
import { ConfirmedPublisher } from "../load/publisher";
import { account, drainQueue } from "../load/drain";
import { CheckResult, expect, runCheck } from "../checks/types";
import { ScenarioResult } from "../report";
import { elapsedSince, progress, sleep } from "../log";
import { Fault } from "./fault";
import { FailoverProbe } from "./failoverProbe";
import { healProblems, waitHealed } from "./heal";
import { restoreAll } from "./actions";

const RATE_PER_QUEUE = 100;
const WARM_UP_MS = 2_000;
const FINISH_TIMEOUT_MS = 60_000;

export interface ScenarioOutcome {
  readonly checks: CheckResult[];
  readonly scenarios: ScenarioResult[];
}

export async function runScenario(deployment: Deployment, fault: Fault): Promise<ScenarioOutcome> {
  progress(`scenario ${fault.id}: ${fault.name}`);
  const started = Date.now();
  const stamp = Date.now().toString(36);
  const streams = loadRoutes(deployment).map((route) => {
    const prefix = `${fault.id}-${route.queueType}-${stamp}`;
    const publisher = new ConfirmedPublisher(adminAmqp(deployment, route.vhost), route, prefix, RATE_PER_QUEUE);
    publisher.start();
    return { route, prefix, publisher };
  });
  const baseline = await healProblems(deployment).catch(() => []);
  const probe = new FailoverProbe(deployment.vip);
  await sleep(WARM_UP_MS);
  const checks = [await runCheck(`${fault.id}: ${fault.name}`, () => fault.inject(deployment))];
  const failover = await probe.stop();
  if (!checks[0]?.ok) await restoreAll(deployment);
  const finished = await Promise.all(streams.map(async (s) => ({ ...s, stats: await s.publisher.finish(FINISH_TIMEOUT_MS) })));
  checks.push(await runCheck(`${fault.id}: cluster heals`, () => waitHealed(deployment, baseline)));
  const scenarios: ScenarioResult[] = [];
  for (const { route, prefix, publisher, stats } of finished) {
    const counted = account(publisher.confirmedIds, await drainQueue(adminAmqp(deployment, route.vhost), route.queue, prefix));
    scenarios.push({
      name: `${fault.id} [${route.queueType}]`,
      sent: stats.sent,
      confirmed: stats.confirmed,
      lost: counted.lost,
      duplicated: counted.duplicated,
      seconds: elapsedSince(started),
      failoverSeconds: failover.longestOutageSeconds,
    });
    checks.push(
      await runCheck(`${fault.id}: no confirmed message lost in ${route.queue}`, async () => {
        expect(counted.lost === 0, `${counted.lost} of ${stats.confirmed} confirmed messages lost: ${counted.lostIds.join(", ")}`);
        expect(stats.unconfirmed === 0, `${stats.unconfirmed} messages never confirmed within ${FINISH_TIMEOUT_MS / 1000}s`);
        return `${stats.sent} sent, ${stats.confirmed} confirmed, ${counted.duplicated} duplicated, ${stats.reconnects} reconnects (longest ${stats.longestReconnectSeconds}s)`;
      }),
    );
  }
  return { checks, scenarios };
}
