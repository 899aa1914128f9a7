/**
 * Every name an object refers to exists: its vhost; a binding's source and destination; an
 * alternate or dead-letter exchange (in the same vhost); the exchanges and queues a user is
 * granted; the vhosts the stack traces. Objects may refer to objects of other files.
 */
import type { TopologySpec } from "../types";
import type { PathSegment } from "../source/yamlSource";
import { error, inStack, type Finding, type RuleContext } from "./finding";
import { TopologyIndex, declaredHint } from "./topologyIndex";

export function checkReferences(topology: TopologySpec, tracing: readonly string[], context: RuleContext): Finding[] {
  const index = new TopologyIndex(topology);
  const findings: Finding[] = [];
  const at = (object: object, ...field: PathSegment[]) => context.locations.of(object, ...field);
  const vhostHint = declaredHint("vhost", [...index.vhosts], "");
  const vhostExists = (object: object, vhost: string, ...field: PathSegment[]): boolean => {
    if (index.vhosts.has(vhost)) return true;
    findings.push(error(at(object, ...field), `vhost "${vhost}" is not declared in any topology file of this stack (${vhostHint})`));
    return false;
  };
  const exchangeExists = (object: object, label: string, vhost: string, name: string, ...field: PathSegment[]): void => {
    if (index.hasExchange(vhost, name)) return;
    findings.push(error(at(object, ...field), `${label} "${name}" does not exist in vhost "${vhost}" (${declaredHint("exchange", index.exchangeNames(vhost))})`));
  };
  const queueExists = (object: object, vhost: string, name: string, ...field: PathSegment[]): void => {
    if (index.queue(vhost, name)) return;
    findings.push(error(at(object, ...field), `queue "${name}" does not exist in vhost "${vhost}" (${declaredHint("queue", index.queueNames(vhost))})`));
  };

  for (const exchange of topology.exchanges) {
    if (!vhostExists(exchange, exchange.vhost, "vhost") || exchange.alternateExchange === undefined) continue;
    exchangeExists(exchange, "alternate exchange", exchange.vhost, exchange.alternateExchange, "alternateExchange");
  }
  for (const queue of topology.queues) {
    if (!vhostExists(queue, queue.vhost, "vhost") || !queue.deadLetter) continue;
    exchangeExists(queue, "dead-letter exchange", queue.vhost, queue.deadLetter.exchange, "deadLetter", "exchange");
  }
  for (const binding of topology.bindings) {
    if (!vhostExists(binding, binding.vhost, "vhost")) continue;
    exchangeExists(binding, "source exchange", binding.vhost, binding.source, "source");
    if (binding.destinationType === "queue") queueExists(binding, binding.vhost, binding.destination, "destination");
    else exchangeExists(binding, "destination exchange", binding.vhost, binding.destination, "destination");
  }
  // A queue's generated settings policy refers to what the queue and the user policy it merges
  // refer to, both checked where they are written: checking it again would report each twice.
  for (const policy of topology.policies.filter((p) => p.generatedFor === undefined)) {
    if (!vhostExists(policy, policy.vhost, "vhost")) continue;
    for (const [key, label] of [["alternate-exchange", "alternate exchange"], ["dead-letter-exchange", "dead-letter exchange"]] as const) {
      const target = policy.definition[key];
      if (typeof target === "string") exchangeExists(policy, label, policy.vhost, target, "definition", key);
    }
  }
  for (const user of topology.users) {
    user.grants.forEach((grant, grantIndex) => {
      const field = ["permissions", grantIndex] as const;
      if (!vhostExists(user, grant.vhost, ...field, "vhost")) return;
      grant.publishes.forEach((name, i) => exchangeExists(user, "exchange", grant.vhost, name, ...field, "publishes", i));
      grant.consumes.forEach((name, i) => queueExists(user, grant.vhost, name, ...field, "consumes", i));
    });
  }
  tracing.forEach((vhost, i) => {
    if (!index.vhosts.has(vhost)) {
      findings.push(error(inStack(context, "topology", "tracing", i), `vhost "${vhost}" is not declared in any topology file of this stack (${vhostHint})`));
    }
  });
  return findings;
}
