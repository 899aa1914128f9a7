/**
 * Goal: a 1,000-queue topology costs at most 1.2x what the Pulumi SDK alone needs to register
 * its resources. Measured side by side in one process, in rounds:
 *   (a) our whole path: index.ts run afresh under Pulumi's mocks (cli/lib/programRunner.ts):
 *       load + validate + derive the model, declare everything, until every resource has
 *       registered;
 *   (b) the SDK alone registering the same rabbitmq resources with the same inputs (baseline.ts).
 * Module loading is outside the timed part on both sides: before each (a) the program's modules
 * are loaded afresh untimed (phases.ts), and (b)'s modules stay loaded; it is timed alone, as
 * is load + validate + derive of the model.
 *
 * Which side goes first alternates by round (stats.ts firstSide). The verdict is on the median
 * of per-round ratios a/b with a 95% percentile-bootstrap interval: MET or NOT MET only when the
 * whole interval is on one side of the goal, else UNDECIDED.
 *
 *   npm run bench:topology -- [--queues 1000] [--rounds 21] [--write]
 */
import * as os from "node:os";
import { runProgram } from "../cli/lib/programRunner";
import type { DeclaredResource } from "../cli/lib/declaredResource";
import { measure, numberArg, type Sample, summary } from "./measure";
import { machine, wantsWrite, writeResult } from "./results";
import { firstSide, formatInterval, median, pairedRatio, verdict } from "./stats";
import { BENCH_STACK, generateProject } from "./topologyScale/generate";
import { forgetRepoModules, loadAndValidate, loadProgramModules } from "./topologyScale/phases";
import { rabbitmqResources, runBaseline } from "./topologyScale/baseline";

const GOAL = 1.2;
/** Fewer rounds cannot give an interval worth a verdict on this machine. */
const MIN_ROUNDS = 15;

function countByType(resources: readonly DeclaredResource[]): string {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${type.split(":").pop()}`).join(", ");
}

async function main(): Promise<void> {
  const queues = numberArg("queues", 1000);
  const rounds = numberArg("rounds", 21);
  if (rounds < MIN_ROUNDS) throw new Error(`--rounds must be at least ${MIN_ROUNDS} for an interval (got ${rounds})`);
  const host = machine();
  const project = generateProject(queues);
  try {
    console.log(`topology: ${project.queues} queues, ${project.exchanges} exchanges, ${project.bindings} bindings, ${project.users} users (${project.dir})`);
    const ours = async (): Promise<DeclaredResource[]> => (await runProgram({ projectDir: project.dir, stack: BENCH_STACK })).resources;
    forgetRepoModules();
    const recorded = await ours(); // warm-up, and the inputs the baseline replays
    const replay = rabbitmqResources(recorded);
    await runBaseline("rabbitmq-ha", BENCH_STACK, replay);
    console.log(`(a) registers ${recorded.length}: ${countByType(recorded)}`);
    console.log(`(b) registers ${replay.length}: ${countByType(replay)}`);

    const a: Sample[] = [];
    const b: Sample[] = [];
    const modules: Sample[] = [];
    const load: Sample[] = [];
    const sides = {
      a: async () => {
        loadProgramModules(); // untimed: compile and evaluate the program's modules afresh
        a.push(await measure(ours));
      },
      b: async () => {
        b.push(await measure(() => runBaseline("rabbitmq-ha", BENCH_STACK, replay)));
      },
    };
    for (let round = 0; round < rounds; round++) {
      const first = firstSide(round);
      await sides[first]();
      await sides[first === "a" ? "b" : "a"]();
      modules.push(await measure(async () => loadProgramModules()));
      load.push(await measure(async () => loadAndValidate(project.dir)));
      const [lastA, lastB] = [a.at(-1)?.ms ?? NaN, b.at(-1)?.ms ?? NaN];
      console.log(`round ${round + 1} (${first} first): (a) ${lastA.toFixed(0)} ms  (b) ${lastB.toFixed(0)} ms  a/b ${(lastA / lastB).toFixed(2)}  modules ${modules.at(-1)?.ms.toFixed(0)} ms  model ${load.at(-1)?.ms.toFixed(0)} ms`);
    }
    console.log(summary("(a) our path (modules loaded)", a));
    console.log(summary("(b) Pulumi SDK alone", b));
    console.log(summary("    load program modules (alone)", modules));
    console.log(summary("    of (a): load+validate+derive", load));
    const ms = (samples: readonly Sample[]) => samples.map((s) => Math.round(s.ms));
    const ratio = pairedRatio(ms(a), ms(b));
    const decided = verdict(ratio, GOAL, "lower");
    console.log(`ratio a/b, median of ${rounds} paired rounds: ${formatInterval(ratio)}; goal <= ${GOAL}x: ${decided}`);
    if (wantsWrite()) {
      writeResult("topology", {
        measuredAt: new Date().toISOString(),
        command: `npm run bench:topology -- --queues ${queues} --rounds ${rounds} --write`,
        machine: { ...host, loadAtEnd: os.loadavg()[0] ?? 0 },
        shape: { queues: project.queues, exchanges: project.exchanges, bindings: project.bindings, users: project.users, resourcesA: recorded.length, resourcesB: replay.length },
        order: "alternating, (a) first in even rounds",
        moduleLoading: "outside the timed part on both sides",
        samplesMs: { a: ms(a), b: ms(b), modules: ms(modules), model: ms(load) },
        medianMs: { a: Math.round(median(ms(a))), b: Math.round(median(ms(b))), modules: Math.round(median(ms(modules))), model: Math.round(median(ms(load))) },
        ratio: { statistic: "median of per-round a/b, percentile bootstrap over rounds", ...ratio },
        goal: GOAL,
        verdict: decided,
      });
      console.log("written to bench/results.json (topology)");
    }
  } finally {
    project.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
