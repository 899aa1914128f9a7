/**
 * A dead-letter cycle (queue -> DLX -> ... -> the same queue) is refused unless a queue in it has
 * a message TTL or a delivery limit (own argument or policy): those bound how long a message can
 * circle, which is what the retry pattern relies on.
 */
import type { PolicySpec, QueueSpec, TopologySpec } from "../types";
import { error, type Finding, type RuleContext } from "./finding";
import { deadLetterEdges } from "./deadLetterGraph";
import { effectivePolicy } from "./policyMatch";

export function checkDeadLetterCycles(topology: TopologySpec, context: RuleContext): Finding[] {
  const edges = deadLetterEdges(topology);
  return stronglyConnected(edges)
    .filter((component) => component.length > 1 || (edges[component[0] ?? -1] ?? []).includes(component[0] ?? -1))
    .filter((component) => !component.some((i) => breaksCycle(topology, topology.queues[i])))
    .map((component) => {
      const start = Math.min(...component);
      const queue = topology.queues[start] as QueueSpec;
      const cycle = cycleThrough(start, edges, new Set(component)).map((i) => `"${topology.queues[i]?.name}"`);
      const field = queue.deadLetter ? ["deadLetter", "exchange"] : [];
      return error(
        context.locations.of(queue, ...field),
        `dead-letter cycle ${cycle.join(" -> ")} in vhost "${queue.vhost}" never ends (give one of these queues a messageTtl or a deliveryLimit, or dead-letter elsewhere)`,
      );
    });
}

function breaksCycle(topology: TopologySpec, queue: QueueSpec | undefined): boolean {
  if (!queue) return false;
  if (queue.messageTtlMs !== undefined || (queue.deliveryLimit !== undefined && queue.deliveryLimit >= 0)) return true;
  const target = { kind: "queue" as const, vhost: queue.vhost, name: queue.name, queueType: queue.type };
  const limits = (policy: PolicySpec | undefined): boolean =>
    policy !== undefined && (typeof policy.definition["message-ttl"] === "number" || typeof policy.definition["delivery-limit"] === "number");
  return limits(effectivePolicy(topology.policies, target, false)) || limits(effectivePolicy(topology.policies, target, true));
}

/** Tarjan's algorithm: the strongly connected components of a graph given as adjacency lists. */
export function stronglyConnected(edges: readonly (readonly number[])[]): number[][] {
  let counter = 0;
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const components: number[][] = [];
  const visit = (node: number): void => {
    order.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges[node] ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, order.get(next) ?? 0));
    }
    if (low.get(node) !== order.get(node)) return;
    const component: number[] = [];
    for (let member = stack.pop(); member !== undefined; member = member === node ? undefined : stack.pop()) {
      onStack.delete(member);
      component.push(member);
    }
    components.push(component.sort((a, b) => a - b));
  };
  edges.forEach((_, node) => order.has(node) || visit(node));
  return components;
}

/** A shortest path start -> ... -> start inside the component, for the message. */
function cycleThrough(start: number, edges: readonly (readonly number[])[], members: ReadonlySet<number>): number[] {
  const previous = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    for (const next of edges[node] ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path: number[] = [];
        for (let at: number | undefined = node; at !== undefined; at = at === start ? undefined : previous.get(at)) path.push(at);
        return [...path.reverse(), start];
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
