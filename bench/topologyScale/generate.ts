/**
 * Writes a synthetic project for the scale benchmark into a temporary directory: a Pulumi.yaml,
 * a stack file (the e2e-modern layout's cluster, with generated topology files) and an index.ts
 * that loads this repository's program, so `runProgram` runs our real code on a big topology.
 *
 * Shape per 1,000 queues: 10 systems, each with one vhost, 10 direct exchanges, 100 quorum
 * queues, 100 bindings and one user allowed to publish to its exchanges and consume its queues.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { e2eStackConfig } from "../../test/e2e/stacks";

export const REPO_DIR = path.resolve(__dirname, "..", "..");
export const BENCH_STACK = "bench";
const TEMPLATE_STACK = "e2e-modern";
const QUEUES_PER_SYSTEM = 100;
const EXCHANGES_PER_SYSTEM = 10;

export interface GeneratedProject {
  readonly dir: string;
  readonly queues: number;
  readonly exchanges: number;
  readonly bindings: number;
  readonly users: number;
  readonly remove: () => void;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function topologyFile(system: string, queues: number): Record<string, unknown> {
  const vhost = `${system}_VHOST`;
  const exchanges = Array.from({ length: EXCHANGES_PER_SYSTEM }, (_, i) => `${system}_X${pad(i, 3)}_EXCHANGE`);
  const queueNames = Array.from({ length: queues }, (_, i) => `${system}_Q${pad(i, 4)}_QUEUE`);
  return {
    system,
    vhosts: [{ name: vhost, description: "Benchmark traffic." }],
    exchanges: exchanges.map((name) => ({ name, vhost, type: "direct" })),
    queues: queueNames.map((name) => ({ name, vhost, type: "quorum" })),
    bindings: queueNames.map((name, i) => ({ vhost, source: exchanges[i % exchanges.length], destination: name, routingKey: `key.${i}` })),
    users: [{ name: `${system.toLowerCase()}-app`, permissions: [{ vhost, publishes: exchanges, consumes: queueNames }] }],
  };
}

/** A project with `queues` queues (a multiple of 100 gives whole systems; the rest goes in a last one). */
export function generateProject(queues: number): GeneratedProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rabbitmq-ha-bench-"));
  const systems = Math.ceil(queues / QUEUES_PER_SYSTEM);
  const files: string[] = [];
  for (let s = 0; s < systems; s++) {
    const file = `topology/bench${pad(s, 3)}.yaml`;
    const count = Math.min(QUEUES_PER_SYSTEM, queues - s * QUEUES_PER_SYSTEM);
    fs.mkdirSync(path.join(dir, "topology"), { recursive: true });
    fs.writeFileSync(path.join(dir, file), YAML.stringify(topologyFile(`BENCH${pad(s, 3)}`, count)));
    files.push(file);
  }
  const config = { ...e2eStackConfig(REPO_DIR, TEMPLATE_STACK), "rabbitmq-ha:topology": { files, tracing: [], protectQueues: false } };
  fs.writeFileSync(path.join(dir, `Pulumi.${BENCH_STACK}.yaml`), YAML.stringify({ config }));
  fs.copyFileSync(path.join(REPO_DIR, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  fs.writeFileSync(path.join(dir, "index.ts"), `export * from ${JSON.stringify(path.join(REPO_DIR, "index"))};\n`);
  return {
    dir,
    queues,
    exchanges: systems * EXCHANGES_PER_SYSTEM,
    bindings: queues,
    users: systems,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
