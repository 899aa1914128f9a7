/**
 * Goal: a 1,000-queue topology costs at most 1.2x what the Pulumi SDK alone needs to register
 * its resources. Measured side by side in one process, rounds alternating so both sides see the
 * same machine load:
 *   (a) our whole path: load + validate + derive the model, then run index.ts under Pulumi's
 *       mocks (cli/lib/programRunner.ts) until every resource has registered;
 *   (b) the SDK alone registering the same rabbitmq resources with the same inputs (baseline.ts).
 * Also timed alone, as phases (b) has no equivalent of: loading the program's modules, and
 * load + validate + derive of the model (topologyScale/phases.ts).
 *
 *   npm run bench:topology -- [--queues 1000] [--rounds 5]
 */
import { runProgram } from "../cli/lib/programRunner";
import type { DeclaredResource } from "../cli/lib/declaredResource";
import { measure, median, min, numberArg, type Sample, summary } from "./measure";
import { BENCH_STACK, generateProject } from "./topologyScale/generate";
import { forgetRepoModules, loadAndValidate, loadProgramModules } from "./topologyScale/phases";
import { rabbitmqResources, runBaseline } from "./topologyScale/baseline";

const GOAL = 1.2;

function countByType(resources: readonly DeclaredResource[]): string {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${type.split(":").pop()}`).join(", ");
}

async function main(): Promise<void> {
  const queues = numberArg("queues", 1000);
  const rounds = numberArg("rounds", 5);
  const project = generateProject(queues);
  try {
    console.log(`topology: ${project.queues} queues, ${project.exchanges} exchanges, ${project.bindings} bindings, ${project.users} users (${project.dir})`);
    const ours = async (): Promise<DeclaredResource[]> => {
      forgetRepoModules();
      return (await runProgram({ projectDir: project.dir, stack: BENCH_STACK })).resources;
    };
    const recorded = await ours(); // warm-up, and the inputs the baseline replays
    const replay = rabbitmqResources(recorded);
    await runBaseline("rabbitmq-ha", BENCH_STACK, replay);
    console.log(`(a) registers ${recorded.length}: ${countByType(recorded)}`);
    console.log(`(b) registers ${replay.length}: ${countByType(replay)}`);

    const a: Sample[] = [];
    const b: Sample[] = [];
    const modules: Sample[] = [];
    const load: Sample[] = [];
    for (let round = 1; round <= rounds; round++) {
      a.push(await measure(ours));
      b.push(await measure(() => runBaseline("rabbitmq-ha", BENCH_STACK, replay)));
      modules.push(await measure(async () => loadProgramModules()));
      load.push(await measure(async () => loadAndValidate(project.dir)));
      console.log(`round ${round}: (a) ${a.at(-1)?.ms.toFixed(0)} ms  (b) ${b.at(-1)?.ms.toFixed(0)} ms  modules ${modules.at(-1)?.ms.toFixed(0)} ms  model ${load.at(-1)?.ms.toFixed(0)} ms`);
    }
    console.log(summary("(a) our path", a));
    console.log(summary("(b) Pulumi SDK alone", b));
    console.log(summary("    of (a): load program modules", modules));
    console.log(summary("    of (a): load+validate+derive", load));
    const ratio = median(a.map((s) => s.ms)) / median(b.map((s) => s.ms));
    const ratioMin = min(a.map((s) => s.ms)) / min(b.map((s) => s.ms));
    console.log(`ratio a/b: median ${ratio.toFixed(2)}x, min ${ratioMin.toFixed(2)}x (goal <= ${GOAL}x): ${ratio <= GOAL ? "MET" : "NOT MET"}`);
  } finally {
    project.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
