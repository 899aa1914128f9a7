// Manual try: `npx tsx engine.ts stop|start HOST` stops or starts one namespace host's Docker engine.
import { startEngine, stopEngine } from "../namespaces";
(async () => { const t = Date.now(); if (process.argv[2] === "stop") await stopEngine(process.argv[3]!); else await startEngine(process.argv[3]!); console.log(process.argv[2], process.argv[3], Date.now() - t, "ms"); })();
