/**
 * One layout end to end: remove leftovers of an earlier run, deploy exactly what the program
 * declares, check it, break it scenario by scenario, and tear everything down (also on failure).
 */
import { TEARDOWN_ENV } from "../../infra/teardown";
import { up } from "../../engine/commands";
import { testLabelsFor } from "../../engine/providers/docker/client";
import { dockerClient } from "../../engine/providers/docker/client";
import { destroy, storeFor } from "../../engine/commands";
import { summaryLine } from "../../engine/plan/render";
import { removeStackObjects } from "../../engine/providers/docker/teardown";
import { CheckResult, expect, runCheck, runChecks } from "./checks/types";
import { POST_DEPLOY_CHECKS, TLS_CHECKS } from "./checks";
import { verifyChecks } from "./checks/verifyProbe";
import { verifyCliChecks } from "./checks/verifyCli";
import { verifyWithNodeDown } from "./checks/verifyNodeDown";
import { Deployment, deploymentOf } from "./deployment";
import { FAULTS } from "./faults";
import { HOST_FAULTS } from "./faults/hostFaults";
import { LB_FAULTS } from "./faults/lbFaults";
import { leftMachines, removeMachines, startMachines } from "./hosts/hostsLayout";
import { runScenario } from "./faults/runScenario";
import { loadE2eModel } from "./model";
import { LayoutResult, ScenarioResult, UpdateScenarioResult } from "./report";
import { runUpdates } from "./updates/runUpdates";
import { progress } from "./log";
import { writeKeptOutputs } from "./keptOutputs";
import { e2eStack, writeE2eStackFile } from "./stacks";

export interface LayoutOptions {
  readonly projectDir: string;
  readonly stack: string;
  readonly faults: boolean;
  /** Run the program again with changed config (test/e2e/updates). */
  readonly updates: boolean;
  /** Only these update scenarios (ids in changes.ts), each applied on top of the last; all when absent. */
  readonly onlyUpdates?: readonly string[];
  /** Only these fault scenarios (ids); all when absent. */
  readonly onlyFaults?: readonly string[];
  /** Leave the deployment running afterwards (for debugging). */
  readonly keep: boolean;
}

/** The suite keeps its stacks' state apart from a user's offline deployments. */
export const E2E_STATE_DIR = ".e2e-state";

export function engineOptions(projectDir: string, stack: string, config?: Readonly<Record<string, unknown>>) {
  return {
    projectDir,
    stack,
    stateDir: `${projectDir}/${E2E_STATE_DIR}`,
    testLabels: testLabelsFor(stack),
    log: progress,
    ...(config ? { config } : {}),
  };
}

export async function cleanStack(projectDir: string, stack: string): Promise<string> {
  storeFor(engineOptions(projectDir, stack)).remove(stack);
  const model = loadE2eModel(projectDir, stack);
  const counts = await Promise.all(model.hosts.map((host) => removeStackObjects(dockerClient(host.url), stack)));
  const sum = (key: "containers" | "networks" | "volumes"): number => counts.reduce((n, c) => n + c[key], 0);
  return `removed ${sum("containers")} containers, ${sum("networks")} networks, ${sum("volumes")} volumes`;
}

/**
 * `pulumi destroy --run-program` (the node containers' delete hooks need the program), with the
 * node gates told that the whole cluster is going away (infra/teardown.ts).
 */
async function teardown(projectDir: string, stack: string): Promise<number> {
  const before = process.env[TEARDOWN_ENV];
  process.env[TEARDOWN_ENV] = "1";
  try {
    return await destroy({ ...engineOptions(projectDir, stack), runProgram: true });
  } finally {
    if (before === undefined) delete process.env[TEARDOWN_ENV];
    else process.env[TEARDOWN_ENV] = before;
  }
}

async function removedMachines(): Promise<string> {
  await removeMachines();
  const left = leftMachines();
  expect(left.length === 0, `still there: ${left.join(", ")}`);
  return "no namespace, link, engine or state directory of the suite's left";
}

export async function runLayout(options: LayoutOptions): Promise<LayoutResult> {
  const { projectDir, stack } = options;
  progress(`layout ${stack}`);
  const checks: CheckResult[] = [];
  const scenarios: ScenarioResult[] = [];
  const updates: UpdateScenarioResult[] = [];
  // A multi-host stack runs on machines of the suite's own and is broken by losing them.
  const multiHost = e2eStack(stack).namespaceHosts === true;
  const stackFile = await runCheck(`${stack}: Pulumi.${stack}.yaml is the shipped stack with the test overrides (test/e2e/stacks.ts)`, async () => {
    writeE2eStackFile(projectDir, stack);
    return `written from Pulumi.${e2eStack(stack).base}.yaml`;
  });
  checks.push(stackFile);
  if (stackFile.status !== "pass") return { stack, checks, scenarios, updates };
  if (multiHost) {
    const machines = await runCheck(`${stack}: one machine per host (network namespace, Docker engine, images) on a LAN of the suite's own`, () => startMachines(loadE2eModel(projectDir, stack)));
    checks.push(machines);
    if (machines.status !== "pass") {
      await removeMachines();
      return { stack, checks, scenarios, updates };
    }
  }
  checks.push(await runCheck(`${stack}: remove leftovers of earlier runs`, () => cleanStack(projectDir, stack)));
  try {
    let deployment: Deployment | undefined;
    checks.push(
      await runCheck("deploy: apply every resource the program declares", async () => {
        const model = loadE2eModel(projectDir, stack);
        const { applied } = await up(engineOptions(projectDir, stack));
        deployment = deploymentOf(stack, model, applied.state.resources, applied.revealedOutputs);
        const custom = applied.state.resources.filter((r) => r.custom).length;
        return `${custom} resources created (${applied.state.resources.length - custom} components): ${summaryLine(applied.counts)}`;
      }),
    );
    if (deployment) {
      checks.push(...(await runChecks(deployment, POST_DEPLOY_CHECKS)));
      // rabbitmq-ha:tls on this layout (e2e-modern): AMQPS, refusals and HTTPS topology (checks/tls.ts).
      if (deployment.model.tls.enabled) checks.push(...(await runChecks(deployment, TLS_CHECKS)));
      checks.push(...(await verifyChecks(deployment)));
      checks.push(...(await verifyCliChecks(projectDir, deployment)));
      // Several hosts: the load balancers' own faults again (with host networking a dead
      // Keepalived's VIP outlives its container), then whole machines lost.
      for (const fault of options.faults ? (multiHost ? [...LB_FAULTS, ...HOST_FAULTS] : FAULTS) : []) {
        if (options.onlyFaults && !options.onlyFaults.includes(fault.id)) {
          checks.push({ name: `fault ${fault.id}`, status: "skip", detail: "not selected (--faults)", ms: 0 });
          continue;
        }
        const outcome = await runScenario(deployment, fault);
        checks.push(...outcome.checks);
        scenarios.push(...outcome.scenarios);
      }
      if (options.updates && multiHost) {
        // Same program paths as on one host (a provider per host aside): the single-host layouts
        // run them; here the time goes to losing machines.
        checks.push({ name: `${stack}: update scenarios`, status: "skip", detail: "run on the single-host layouts (e2e-seed, e2e-modern), not on the multi-host one", ms: 0 });
      } else if (options.updates) {
        const outcome = await runUpdates(projectDir, deployment, options.onlyUpdates);
        checks.push(...outcome.checks);
        updates.push(...outcome.updates);
        deployment = outcome.deployment;
      }
      // Last: it stops a node of its own, so no fault scenario starts from its aftermath.
      checks.push(...(await verifyWithNodeDown(deployment)));
      if (options.keep) writeKeptOutputs(projectDir, deployment);
    }
  } finally {
    if (!options.keep) {
      checks.push(
        await runCheck(`${stack}: pulumi destroy deletes everything it created`, async () => {
          const deleted = await teardown(projectDir, stack);
          const left = await cleanStack(projectDir, stack);
          expect(/^removed 0 containers, 0 networks, 0 volumes/.test(left), `after destroy (${deleted} resources deleted) the stack's labels still find: ${left}`);
          return `${deleted} resources deleted, nothing left behind`;
        }),
      );
      if (multiHost) checks.push(await runCheck(`${stack}: the machines are removed (namespaces, engines, LAN)`, removedMachines));
    }
  }
  return { stack, checks, scenarios, updates };
}
