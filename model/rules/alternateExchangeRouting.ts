/**
 * An alternate exchange receives what its exchange could not route, with the publisher's key, so
 * which keys reach it is never known from the config. It routes them all when it is a fanout
 * exchange with a binding or a topic exchange bound with "#"; it routes none (refused) when
 * nothing is bound to it (nor to its own alternate); anything else is a warning: the messages
 * the alternate exchange was meant to keep may be dropped. Set by the exchange or by a policy.
 */
import type { ExchangeSpec, RabbitSeries, TopologySpec } from "../types";
import type { Where } from "../locations";
import { error, warning, type Finding, type RuleContext } from "./finding";
import { effectivePolicy } from "./policyMatch";
import { exchangeType, route } from "./routing";
import { TopologyIndex } from "./topologyIndex";

export function checkAlternateExchangeRouting(topology: TopologySpec, version: RabbitSeries | undefined, context: RuleContext): Finding[] {
  const index = new TopologyIndex(topology);
  return topology.exchanges.flatMap((exchange) => {
    const found = alternateOf(topology, exchange, version, context);
    if (!found || exchangeType(index, exchange.vhost, found.name) === undefined) return []; // none, or a reference error
    const verdict = route(index, exchange.vhost, found.name, { kind: "any", via: `exchange "${exchange.name}"` }, version);
    const what = `alternate exchange "${found.name}"${found.policy} (${exchangeType(index, exchange.vhost, found.name)}) of exchange "${exchange.name}"`;
    if (verdict === "dropped") {
      return [error(found.where, `${what} has no binding: what "${exchange.name}" cannot route is dropped (bind a queue to "${found.name}"; a fanout exchange takes every key)`)];
    }
    if (verdict === "unknown") {
      return [
        warning(
          found.where,
          `${what} may drop what "${exchange.name}" cannot route: it gets any key and its bindings match only some (make it a fanout exchange, or bind "#" on a topic exchange)`,
        ),
      ];
    }
    return [];
  });
}

function alternateOf(topology: TopologySpec, exchange: ExchangeSpec, version: RabbitSeries | undefined, context: RuleContext): { name: string; where: Where; policy: string } | undefined {
  if (exchange.alternateExchange !== undefined) {
    return { name: exchange.alternateExchange, where: context.locations.of(exchange, "alternateExchange"), policy: "" };
  }
  const policy = effectivePolicy(topology.policies, { kind: "exchange", vhost: exchange.vhost, name: exchange.name, version }, false);
  const name = policy?.definition["alternate-exchange"];
  if (!policy || typeof name !== "string") return undefined;
  return { name, where: context.locations.of(policy, "definition", "alternate-exchange"), policy: ` (set by policy "${policy.name}")` };
}
