/**
 * runVerify: the whole probe, in the order a person would check by hand.
 *
 * 1. The management API answers and accepts the credentials; else stop (one line).
 * 2. The probe's account: a temporary user and vhost, or the given probe user; else stop.
 * 3. An AMQP connection through the VIP as that user; else clean up and stop.
 * 4. Message checks, topology, cluster and load-balancer checks, each timed, none fatal.
 * 5. Cleanup, always, reported as a check of its own: also after a check ran out of time and
 *    when the caller aborts (`options.signal`: the CLI's SIGINT/SIGTERM handler).
 *
 * A memory or disk alarm blocks every publisher: the probe reads the alarms before it publishes
 * and follows the broker's connection.blocked while it does (amqp/gate.ts); once blocked, each
 * publishing check fails at once, naming why, and "cluster: alarms" names the node and alarm.
 *
 * `ok` is true when no check failed: a stopped node or backend server is a warning (`degraded`),
 * because the promise under test is that the cluster still delivers, which the message checks
 * prove or disprove on their own.
 */
import type { ChannelModel } from "amqplib";
import { connectAmqp, connectBudgetMs } from "./amqp/connect";
import { PublishGate } from "./amqp/gate";
import { CHECK, pass, runCheck, tally, type PlannedCheck } from "./check";
import { clusterChecks } from "./checks/cluster";
import { raisedAlarms } from "./cluster/evaluate";
import { loadBalancerChecks } from "./checks/loadBalancer";
import { messagingChecks, probedQueueTypes } from "./checks/messaging";
import { topologyChecks } from "./checks/topology";
import { printable } from "./endpoint";
import { describeError } from "./errors";
import { management, type ApiNode } from "./management";
import { openAccount, type ProbeAccount } from "./probe/account";
import { cleanupProbe } from "./probe/cleanup";
import { probeIdentity } from "./probe/identity";
import { ProbeObjects } from "./probe/objects";
import { resolveTargets, type Targets } from "./targets";
import type { CheckResult, VerifyOptions, VerifyResult } from "./types";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MESSAGE_COUNT = 20;
/** A check's whole time limit, in timeouts (each single wait inside it has one timeout). */
export const CHECK_BUDGET_FACTOR = 3;

export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const checks: CheckResult[] = [];
  let targets: Targets;
  try {
    targets = resolveTargets(options, timeoutMs);
  } catch (error) {
    return finish(checks, describeError(error));
  }
  const { signal } = options;
  const interrupted = () => (signal?.aborted === true ? `interrupted (${String(signal.reason ?? "aborted")})` : undefined);
  const reached = await runCheck(CHECK.management, timeoutMs, async () => {
    const overview = await management.overview(targets.api);
    return pass(`RabbitMQ ${overview.rabbitmq_version ?? "?"}, cluster ${overview.cluster_name ?? "?"}`);
  }, signal);
  checks.push(reached);
  if (!reached.ok) return finish(checks, interrupted() ?? reached.detail);

  const identity = probeIdentity();
  let account: ProbeAccount;
  try {
    // Not abortable: once asked for, the account is made and then removed by the cleanup below.
    account = await openAccount(targets.api, identity.runId, options.probeUser);
  } catch (error) {
    return finish(checks, describeError(error));
  }
  const nodes = await management.nodes(targets.api).catch(() => undefined);
  const objects = new ProbeObjects(identity, runningNodeCount(nodes));
  const gate = new PublishGate();
  const alarms = raisedAlarms(nodes ?? []);
  if (alarms.length > 0) gate.block(`${alarms.join("; ")} (GET /api/nodes)`);
  let connection: ChannelModel | undefined;
  let aborted: string | undefined;
  try {
    // connectAmqp retries a dead backend a few times, each attempt within the timeout.
    const connected = interrupted() === undefined ? await runCheck(CHECK.connect, connectBudgetMs(timeoutMs) + 1000, async () => {
      connection = await connectAmqp({ ...targets.amqp, ...account }, `rabbitmq-ha verify ${identity.runId}`);
      gate.watch(connection);
      return pass(`${printable(targets.amqp.url)} as ${account.username}, vhost ${account.vhost}`);
    }, signal) : undefined;
    if (connected !== undefined) checks.push(connected);
    if (connection === undefined) {
      aborted = interrupted() ?? connected?.detail;
    } else {
      const queueTypes = probedQueueTypes(options.model);
      const context = {
        connection, identity, objects, timeoutMs, gate,
        messageCount: options.messageCount ?? DEFAULT_MESSAGE_COUNT,
        queueType: queueTypes[0] ?? "classic",
      };
      const plan: PlannedCheck[] = [
        ...messagingChecks(context, queueTypes),
        ...topologyChecks(targets.api, options.model),
        ...clusterChecks(targets.api, options.model),
        ...loadBalancerChecks(targets.stats, options.loadBalancerAddresses ?? [], options.model),
      ];
      // A check may wait several times (publish, then consume, then consume again): it gets a few timeouts.
      for (const check of plan) {
        aborted = interrupted();
        if (aborted !== undefined) break;
        checks.push(await runCheck(check.name, CHECK_BUDGET_FACTOR * timeoutMs, check.run, signal));
      }
      aborted = interrupted();
    }
  } finally {
    // As long as the longest check: with a member down, deleting the probe's quorum queues (with
    // its vhost) waits on each queue's Raft group, 4 queues took over 10 s in the e2e suite.
    // Never aborted by `signal`: cleanup is what an interrupted run still owes.
    checks.push(await runCheck(CHECK.cleanup, CHECK_BUDGET_FACTOR * timeoutMs, () =>
      cleanupProbe({ ...targets.api, timeoutMs: CHECK_BUDGET_FACTOR * timeoutMs }, account, connection, objects, gate)));
  }
  return finish(checks, aborted);
}

/** The one place a run's verdict is computed from its checks. */
function finish(checks: readonly CheckResult[], aborted: string | undefined): VerifyResult {
  const counts = tally(checks);
  return {
    ok: aborted === undefined && counts.fail === 0,
    degraded: counts.warn > 0,
    ...(aborted === undefined ? {} : { aborted }),
    checks,
  };
}

/** Running cluster members, or undefined when the management API could not say (the checks will). */
function runningNodeCount(nodes: readonly ApiNode[] | undefined): number | undefined {
  return nodes?.filter((node) => node.running).length;
}
