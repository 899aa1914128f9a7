import { preview } from "/work/main/engine/commands";
import { engineOptions } from "/work/main/test/e2e/layout";
import { planLines } from "/work/main/engine/plan/render";
preview({ ...engineOptions("/work/main", process.argv[2] ?? "e2e-seed"), log: () => undefined }).then((p) => { console.log(planLines(p.steps).join("\n")); console.log(JSON.stringify(p.counts)); process.exit(0); }, (e) => { console.error(e); process.exit(1); });
