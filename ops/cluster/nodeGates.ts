/**
 * The gates of a rolling node change, run on the live cluster through `docker exec` (the
 * resource hooks of infra/cluster/nodeHooks.ts call these). Each gate either passes or throws an
 * error that says which condition did not hold, for how long it was awaited, the CLI's last
 * output, and that the update stopped there: the engine then fails the step, so the nodes after
 * this one in the chain are never touched.
 */
import type Docker from "dockerode";
import { execIn, sleep, waitFor } from "../docker";
import type { RabbitSeries } from "../../model/types";
import { parseClusterStatus, rejoinProblems, underMaintenance } from "./clusterHealth";
import * as cli from "./commands";

/** A running node container: where to exec, and the Erlang node it runs. */
export interface NodeContainer {
  readonly docker: Docker;
  readonly container: string;
  readonly node: string;
}

export interface GateSettings {
  readonly version: RabbitSeries;
  /** How long each condition may take before the update stops. */
  readonly timeoutSeconds: number;
  readonly log: (line: string) => void;
}

export class GateError extends Error {}

const RETRY_MS = 2_000;

/** Runs `command` in `on` until it exits 0; throws a GateError naming `subject` after the timeout. */
async function untilPasses(on: NodeContainer, command: cli.CliCommand, subject: string, settings: GateSettings): Promise<string> {
  const deadline = Date.now() + settings.timeoutSeconds * 1000;
  for (;;) {
    const result = await execIn(on.docker, on.container, command.argv).catch((error: Error) => ({ exitCode: -1, output: error.message }));
    if (result.exitCode === 0) {
      settings.log(`${subject}: ${command.what}`);
      return result.output;
    }
    if (Date.now() >= deadline) {
      throw new GateError(
        `${subject}: "${command.what}" did not hold within ${settings.timeoutSeconds}s (\`${command.argv.join(" ")}\` in ${on.container} exited ${result.exitCode}: ${result.output.trim().slice(-400)}). ` +
          "The update stops here: the nodes after this one were left untouched. Fix the cluster (or wait), then run `pulumi up` again.",
      );
    }
    await sleep(RETRY_MS);
  }
}

/**
 * The members of the cluster `on` belongs to. Below three, no member can go without taking a
 * majority with it (quorum queues and, on 4.x, the Khepri metadata store are Raft clusters), so
 * await_online_quorum_plus_one could only time out: a cluster growing to its size on the first
 * deploy, or a one- or two-node stack, whose changes are outages by nature.
 */
async function membersOf(on: NodeContainer): Promise<string[]> {
  const result = await execIn(on.docker, on.container, cli.clusterStatus().argv);
  if (result.exitCode !== 0) throw new Error(`cluster_status on ${on.node} failed: ${result.output.trim().slice(-300)}`);
  const status = parseClusterStatus(result.output);
  return [...(status.disk_nodes ?? []), ...(status.ram_nodes ?? [])];
}

export const MIN_MEMBERS_FOR_QUORUM_GATE = 3;

/** The can-lose checks, without the quorum wait where the cluster is too small to pass it. */
async function canLoseChecks(on: NodeContainer, settings: GateSettings, subject: string, target?: string): Promise<void> {
  const members = await membersOf(on);
  const small = members.length < MIN_MEMBERS_FOR_QUORUM_GATE;
  if (small) settings.log(`${subject}: the cluster has ${members.length} member(s), fewer than ${MIN_MEMBERS_FOR_QUORUM_GATE}: no majority can survive a node going, so there is no quorum wait`);
  for (const command of cli.canLoseNode(settings.version, settings.timeoutSeconds, target)) {
    if (small && command.argv.includes("await_online_quorum_plus_one")) continue;
    await untilPasses(on, command, subject, settings);
  }
}

/** Before a node's container is deleted for a replacement: the cluster can lose it; then drain it. */
export async function beforeNodeStops(target: NodeContainer, settings: GateSettings): Promise<void> {
  const subject = `before stopping ${target.node}`;
  await canLoseChecks(target, settings, subject);
  await untilPasses(target, cli.drain(), subject, settings);
}

/**
 * Before a node that left the stack is deleted, run from a remaining member (`runner`): the
 * cluster can lose it, it is drained, and its quorum queue members are removed (so no queue
 * counts a member that will never come back).
 */
export async function beforeNodeRemoved(runner: NodeContainer, removed: string, settings: GateSettings): Promise<void> {
  const subject = `before removing ${removed}`;
  await canLoseChecks(runner, settings, subject, removed);
  await untilPasses(runner, cli.drain(removed), subject, settings);
  await untilPasses(runner, cli.shrinkQuorumQueues(removed), subject, settings);
}

/**
 * After a node's new container is healthy: it is a running member again, every member runs, no
 * partition, no alarm; out of maintenance mode; quorum queues have a member on it (grown onto a
 * new node, a no-op for a replaced one) and those members count again (the cluster could lose
 * it). Only then does the engine go on to the next node.
 */
export async function afterNodeStarts(target: NodeContainer, settings: GateSettings): Promise<void> {
  const subject = `after starting ${target.node}`;
  const status = await waitFor(`${target.node} to rejoin its cluster`, settings.timeoutSeconds * 1000, async () => {
    const result = await execIn(target.docker, target.container, cli.clusterStatus().argv);
    if (result.exitCode !== 0) throw new Error(result.output.trim().slice(-300));
    const parsed = parseClusterStatus(result.output);
    const problems = rejoinProblems(parsed, target.node);
    if (problems.length > 0) throw new Error(problems.join("; "));
    return parsed;
  }, RETRY_MS).catch((error: Error) => {
    throw new GateError(`${subject}: ${error.message}. The update stops here: the nodes after this one were left untouched.`);
  });
  settings.log(`${subject}: rejoined, every member running, no partition, no alarm`);
  if (underMaintenance(status, target.node)) await untilPasses(target, cli.revive(), subject, settings);
  await untilPasses(target, cli.growQuorumQueues(target.node), subject, settings);
  await canLoseChecks(target, settings, subject);
}

/** After a removed node's container is gone: the cluster forgets it (unless it already has). */
export async function afterNodeRemoved(runner: NodeContainer, removed: string, settings: GateSettings): Promise<void> {
  const subject = `after removing ${removed}`;
  const result = await execIn(runner.docker, runner.container, cli.clusterStatus().argv);
  const status = result.exitCode === 0 ? parseClusterStatus(result.output) : undefined;
  if (status && ![...(status.disk_nodes ?? []), ...(status.ram_nodes ?? [])].includes(removed)) {
    settings.log(`${subject}: not a cluster member any more`);
    return;
  }
  await untilPasses(runner, cli.forgetNode(removed), subject, settings);
}
