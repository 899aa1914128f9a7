/**
 * Issue 7's "with a node stopped": stop one client-serving node, run the probe as a user would,
 * and require that it reports the node down (a warning naming it: degraded, not failed) while
 * every delivery check still passes. Then start the node again and wait until the deployment
 * has healed, so whatever runs next starts from a whole cluster.
 */
import { CHECK, runVerify, type VerifyResult } from "../../../verify";
import { QUEUE_TYPES } from "../../../model/types";
import type { Deployment } from "../deployment";
import { waitFor } from "../containers";
import { sleep } from "../log";
import { stopContainer } from "../faults/actions";
import { healProblems, waitHealed } from "../faults/heal";
import { clientNode, startAgain } from "../faults/nodeFaults";
import { membershipProblems } from "./cluster";
import { CheckResult, expect, runCheck } from "./types";
import { asE2eChecks, verifyOptionsOf } from "./verifyProbe";

/** HAProxy's `fall 3` (templates/haproxy.cfg.hbs): checks failed before it marks a server down. */
const HAPROXY_FALL = 3;

const DELIVERY_NAMES: readonly string[] = QUEUE_TYPES.map((type) => CHECK.delivery(type));
/** The message checks: what "the cluster still delivers" means. */
const MESSAGE_NAMES: readonly string[] = [...DELIVERY_NAMES, CHECK.mandatoryReturn, CHECK.alternateExchange, CHECK.deadLetter];
const DELIVERY_CHECKS = (name: string): boolean => MESSAGE_NAMES.includes(name);

/** What is wrong with a probe result taken while `erlangNode` is stopped; empty when it is as promised. */
export function nodeDownProblems(result: VerifyResult, erlangNode: string): string[] {
  if (result.aborted !== undefined) return [`the probe could not run: ${result.aborted}`];
  const membership = result.checks.find((check) => check.name === CHECK.membership);
  const delivery = result.checks.filter((check) => DELIVERY_CHECKS(check.name));
  return [
    ...(membership?.status === "warn" && membership.detail.includes(erlangNode)
      ? []
      : [`${CHECK.membership} should warn naming ${erlangNode}, got ${membership ? `${membership.status}: ${membership.detail}` : "no such check"}`]),
    ...(delivery.some((check) => DELIVERY_NAMES.includes(check.name)) ? [] : ["no delivery check ran"]),
    ...delivery.filter((check) => check.status !== "pass").map((check) => `${check.name} ${check.status}: ${check.detail}`),
    ...(result.degraded ? [] : ["the run is not marked degraded"]),
  ];
}

export async function verifyWithNodeDown(deployment: Deployment): Promise<CheckResult[]> {
  const node = clientNode(deployment);
  const baseline = await healProblems(deployment).catch(() => []);
  let result: VerifyResult | undefined;
  const verdict = await runCheck(`verify with ${node.hostname} stopped: reports it down, delivery checks pass`, async () => {
    await stopContainer(deployment, node.container);
    await waitFor(`${node.erlangNode} to be reported down`, 30_000, async () =>
      (await membershipProblems(deployment)).includes(`${node.erlangNode} is not running`),
    );
    // A user runs the probe against a settled cluster: give HAProxy time to mark the server down.
    await sleep(HAPROXY_FALL * deployment.model.loadBalancers.checkIntervalMs + 1_000);
    result = await runVerify(verifyOptionsOf(deployment));
    const problems = nodeDownProblems(result, node.erlangNode);
    expect(problems.length === 0, problems.join("; "));
    const passed = result.checks.filter((check) => DELIVERY_CHECKS(check.name)).map((check) => check.name);
    const membership = result.checks.find((check) => check.name === CHECK.membership);
    return `${membership?.detail}; passed: ${passed.join(", ")}`;
  });
  const probeChecks = result === undefined ? [] : asE2eChecks(result, `verify (${node.hostname} down)`);
  const healed = await runCheck(`verify with ${node.hostname} stopped: started again, cluster heals`, async () => {
    const note = await startAgain(deployment, node);
    return `${await waitHealed(deployment, baseline)}${note}`;
  });
  return [...probeChecks, verdict, healed];
}
