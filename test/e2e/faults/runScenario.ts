/**
 * One fault scenario under load (load/underLoad.ts), judged by checks: the fault did what it
 * says, the deployment healed, every queue's confirmed publishing lost nothing and kept working,
 * and where the fault says so, the longest outage a new client sees through the VIP and the
 * reconnects of the clients it cut off.
 */
import type { Deployment } from "../deployment";
import { type CheckResult, expect, runCheck } from "../checks/types";
import type { ScenarioResult } from "../report";
import { progress } from "../log";
import { deliveryChecks, scenarioFigures, underLoad } from "../load/underLoad";
import type { Fault } from "./fault";
import { restoreAll } from "./actions";

export interface ScenarioOutcome {
  readonly checks: CheckResult[];
  readonly scenarios: ScenarioResult[];
}

export async function runScenario(deployment: Deployment, fault: Fault): Promise<ScenarioOutcome> {
  progress(`scenario ${fault.id}: ${fault.name}`);
  const outcome = await underLoad(deployment, fault.id, `${fault.id}: ${fault.name}`, async () => {
    try {
      return await fault.inject(deployment);
    } catch (error) {
      await restoreAll(deployment);
      throw error;
    }
  });
  const checks = [outcome.action, outcome.healed, ...(await deliveryChecks(fault.id, outcome))];
  if (fault.maxOutageSeconds !== undefined) {
    const limit = fault.maxOutageSeconds;
    checks.push(
      await runCheck(`${fault.id}: longest outage through the VIP under ${limit}s`, async () => {
        expect(outcome.longestOutageSeconds < limit, `a new AMQP connection through the VIP failed for ${outcome.longestOutageSeconds}s`);
        return `${outcome.longestOutageSeconds}s`;
      }),
    );
  }
  if (fault.expectReconnect) {
    checks.push(
      await runCheck(`${fault.id}: the clients it cut off reconnected`, async () => {
        const reconnects = outcome.streams.reduce((n, s) => n + s.stats.reconnects, 0);
        expect(reconnects > 0, "no publisher lost its connection: the fault did not reach the clients");
        return `${reconnects} reconnects, longest ${Math.max(...outcome.streams.map((s) => s.stats.longestReconnectSeconds))}s`;
      }),
    );
  }
  return { checks, scenarios: outcome.streams.map((s) => scenarioFigures(fault.id, outcome, s)) };
}
