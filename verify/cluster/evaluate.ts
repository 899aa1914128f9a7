/**
 * Judging /api/nodes against the declared cluster. A declared node that is stopped is a warning
 * (degraded: the cluster still delivers, with one replica fewer), not a failure; a node that is
 * not a member at all, a member nobody declared, a wrong node type (a RAM node that booted first
 * and became a standalone disc node), an alarm or a partition are failures.
 */
import type { Model, NodeType } from "../../model/types";
import { fail, pass, skip, warn, type Outcome } from "../check";
import type { ApiNode } from "../management";

export interface ExpectedNode {
  /** Erlang node name: rabbit@<hostname>. */
  readonly name: string;
  readonly type: NodeType;
}

export function expectedNodes(model: Model): ExpectedNode[] {
  return model.cluster.nodes.map((node) => ({ name: `rabbit@${node.hostname}`, type: node.type }));
}

const names = (nodes: readonly { readonly name: string }[]) => nodes.map((node) => node.name).join(", ");

export function membershipOutcome(nodes: readonly ApiNode[], expected?: readonly ExpectedNode[]): Outcome {
  const running = nodes.filter((node) => node.running);
  const down = nodes.filter((node) => !node.running);
  const members = new Set(nodes.map((node) => node.name));
  const declared = new Set(expected?.map((node) => node.name) ?? members);
  const problems = [
    ...[...declared].filter((name) => !members.has(name)).map((name) => `${name} declared but not a cluster member`),
    ...[...members].filter((name) => !declared.has(name)).map((name) => `${name} is a member but not declared`),
  ];
  const count = `${running.length} of ${nodes.length} running`;
  if (problems.length > 0) return fail(`${problems.join("; ")} (${count})`);
  if (down.length > 0) return warn(`degraded: ${names(down)} down (${count}: ${names(running)})`);
  return pass(`${count}: ${names(running)}`);
}

export function nodeTypesOutcome(nodes: readonly ApiNode[], expected?: readonly ExpectedNode[]): Outcome {
  // Without a declaration there is nothing to compare with: listing the types is not a pass.
  if (expected === undefined) return skip(`no stack model to compare node types with (--stack); found ${nodes.map((node) => `${node.name} ${node.type ?? "unknown"}`).join(", ")}`);
  const declaredType = new Map(expected?.map((node) => [node.name, node.type]));
  const wrong = nodes.filter((node) => {
    const want = declaredType.get(node.name);
    return want !== undefined && node.type !== undefined && node.type !== want;
  });
  if (wrong.length > 0) {
    return fail(wrong.map((node) => `${node.name} is ${node.type}, declared ${declaredType.get(node.name)}`).join("; "));
  }
  const listed = nodes.map((node) => `${node.name} ${node.type ?? "unknown"}`).join(", ");
  return pass(`as declared: ${listed}`);
}

/** Running nodes that have not reported their metrics yet (the first few seconds after boot). */
export function unreported(nodes: readonly ApiNode[]): ApiNode[] {
  return nodes.filter((node) => node.running && (node.mem_alarm === undefined || node.partitions === undefined));
}

/** Each alarm a node reports, named with the node: "rabbit@a disk alarm (disk_free_alarm)". */
export function raisedAlarms(nodes: readonly ApiNode[]): string[] {
  return nodes.flatMap((node) => [
    ...(node.mem_alarm === true ? [`${node.name} memory alarm (mem_alarm)`] : []),
    ...(node.disk_free_alarm === true ? [`${node.name} disk alarm (disk_free_alarm)`] : []),
  ]);
}

export function alarmsOutcome(nodes: readonly ApiNode[]): Outcome {
  const alarms = raisedAlarms(nodes);
  // An alarm blocks every publisher in the cluster, not just the ones on that node.
  if (alarms.length > 0) return fail(`${alarms.join("; ")}: publishers are blocked`);
  return quietOrUnknown(nodes, "no memory or disk alarm");
}

export function partitionsOutcome(nodes: readonly ApiNode[]): Outcome {
  const split = nodes.filter((node) => (node.partitions ?? []).length > 0);
  if (split.length > 0) return fail(split.map((node) => `${node.name} cannot see ${(node.partitions ?? []).join(", ")}`).join("; "));
  return quietOrUnknown(nodes, "no network partition");
}

function quietOrUnknown(nodes: readonly ApiNode[], quiet: string): Outcome {
  const silent = unreported(nodes);
  const running = nodes.filter((node) => node.running).length;
  if (silent.length > 0) return warn(`not reported yet by ${names(silent)}; ${quiet} on the other ${running - silent.length}`);
  return pass(`${quiet} on ${running} running node${running === 1 ? "" : "s"}`);
}
