/**
 * Bindings from a headers exchange: `x-match` is one of all, any, all-with-x, any-with-x. The
 * broker refuses any other value (and any value that is not a string) when the binding is
 * declared (rabbitmq-server deps/rabbit/src/rabbit_exchange_type_headers.erl, validate_binding/2,
 * the same in 3.10 to 4.3), so `pulumi up` would stop half-way; here it is refused up front.
 */
import type { BindingSpec, TopologySpec } from "../types";
import { describeValue } from "../units";
import { error, type Finding, type RuleContext } from "./finding";
import { TopologyIndex } from "./topologyIndex";

export const X_MATCH_VALUES = ["all", "any", "all-with-x", "any-with-x"] as const;

/** Built-in headers exchanges every vhost has. */
const BUILTIN_HEADERS = ["amq.headers", "amq.match"];

export function isHeadersExchange(index: TopologyIndex, vhost: string, name: string): boolean {
  return index.exchange(vhost, name)?.type === "headers" || (!index.exchange(vhost, name) && BUILTIN_HEADERS.includes(name));
}

export function checkHeadersBindings(topology: TopologySpec, context: RuleContext): Finding[] {
  const index = new TopologyIndex(topology);
  return topology.bindings.flatMap((binding) => {
    if (!isHeadersExchange(index, binding.vhost, binding.source)) return [];
    const problem = xMatchProblem(binding);
    return problem === undefined ? [] : [error(context.locations.of(binding, "arguments", "x-match"), problem)];
  });
}

function xMatchProblem(binding: BindingSpec): string | undefined {
  const value = binding.arguments["x-match"];
  if (value === undefined || (X_MATCH_VALUES as readonly unknown[]).includes(value)) return undefined;
  return `x-match ${describeValue(value)} on a binding from headers exchange "${binding.source}" (allowed: ${X_MATCH_VALUES.join(", ")})`;
}
