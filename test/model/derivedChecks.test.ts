/**
 * The loader checks the derived topology (retry expansion) for references, clashes and
 * dead-letter cycles too. deriveTopology is replaced here by one that adds a broken object,
 * so the test does not depend on what the real expansion generates.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import type { TopologySpec } from "../../model/types";
import { formatDiagnostic, loadStack } from "../../model/load";
import { projectDir, removeTempDirs } from "./project";

// vi.mock is hoisted above the imports, so the loader sees the replacement.
vi.mock("../../model/derive/index", () => ({
  deriveTopology: (topology: TopologySpec): TopologySpec => {
    const work = topology.queues.find((queue) => queue.retry);
    if (!work) return topology;
    const retry = { ...work, name: `${work.name.replace(/_QUEUE$/, "")}_RETRY_QUEUE`, retry: undefined, generatedFor: work.name };
    // Dead-letters to an exchange nobody declares: must be reported.
    return { ...topology, queues: [...topology.queues, { ...retry, deadLetter: { exchange: "A_MISSING_EXCHANGE", routingKey: undefined } }] };
  },
}));

afterAll(removeTempDirs);

describe("checks on the derived topology", () => {
  it("reports a generated object's problem at the retry setting it came from", () => {
    const dir = projectDir({
      "Pulumi.t.yaml": [
        "config:",
        "  rabbitmq-ha:network: {name: net, subnet: 10.1.0.0/24}",
        '  rabbitmq-ha:cluster: {version: "3.13", nodes: [{hostname: r1, address: 10.1.0.11}]}',
        "  rabbitmq-ha:loadBalancers:",
        "    virtualIp: 10.1.0.100",
        "    instances: [{name: lb1, address: 10.1.0.21, state: MASTER, priority: 150}, {name: lb2, address: 10.1.0.22, state: BACKUP, priority: 100}]",
        "  rabbitmq-ha:topology: {files: [a.yaml]}",
        "",
      ].join("\n"),
      "a.yaml": "system: A\nvhosts: [{name: A_VHOST}]\nqueues:\n  - name: A_WORK_QUEUE\n    vhost: A_VHOST\n    retry: {every: 2m, maxAttempts: 3}\n",
    });
    const result = loadStack(dir, "t");
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'a.yaml:6:5  queues[0].retry  dead-letter exchange "A_MISSING_EXCHANGE" does not exist in vhost "A_VHOST" (no exchange is declared there)',
    ]);
  });
});
