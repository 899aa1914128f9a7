import { up, preview } from "../../engine/commands";
import { cleanStack, engineOptions } from "./layout";
import { acquireRunLock } from "./runLock";
import { planLines } from "../../engine/plan/render";
const dir = "/work/main";
async function main() {
  const stack = process.argv[2] ?? "e2e-seed";
  const release = await acquireRunLock();
  try {
    console.log(await cleanStack(dir, stack));
    const t = Date.now();
    await up(engineOptions(dir, stack));
    console.log("deployed in", (Date.now() - t) / 1000);
    const p = await preview({ ...engineOptions(dir, stack), log: () => undefined });
    console.log(planLines(p.steps).join("\n"));
    console.log(JSON.stringify(p.counts), p.errors);
  } finally {
    if (process.argv[3] !== "keep") console.log(await cleanStack(dir, stack));
    release();
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
