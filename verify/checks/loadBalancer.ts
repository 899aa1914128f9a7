/**
 * The load-balancer pair seen from outside: the stats page through the VIP is served by the
 * HAProxy that holds the VIP right now and names it; its CSV gives every backend server's state
 * as that HAProxy's health checks see it; each instance's own address says whether the standby
 * is up too. A standby or a backend server that is down is degraded (warn); no answer through
 * the VIP or a backend with no server left is a failure.
 */
import type { Model } from "../../model/types";
import { CHECK, fail, pass, skip, warn, type Outcome, type PlannedCheck } from "../check";
import { withHost } from "../endpoint";
import { describeError } from "../errors";
import { backendsOutcome, answeringNode, parseStatsCsv } from "../haproxy/stats";
import { httpText, type HttpTarget } from "../http";

const NO_STATS = "no stats URL (stack output statsUrl, --stats-url or RABBITMQ_HA_STATS_URL)";

export function loadBalancerChecks(stats: HttpTarget | undefined, addresses: readonly string[], model: Model | undefined): PlannedCheck[] {
  if (stats === undefined) {
    return [CHECK.vipHolder, CHECK.backends, CHECK.instances].map((name) => ({ name, run: async () => skip(NO_STATS) }));
  }
  return [
    { name: CHECK.vipHolder, run: () => vipHolder(stats, model) },
    { name: CHECK.backends, run: async () => backendsOutcome(parseStatsCsv(await httpText(stats, ";csv"))) },
    { name: CHECK.instances, run: () => instances(stats, addresses) },
  ];
}

async function vipHolder(stats: HttpTarget, model: Model | undefined): Promise<Outcome> {
  const node = answeringNode(await httpText(stats, ""));
  const where = stats.base.hostname;
  if (node === undefined) return fail(`the stats page on ${where} does not name its HAProxy (needs "stats show-node")`);
  const declared = model?.loadBalancers.instances.map((lb) => lb.name);
  if (declared !== undefined && !declared.includes(node)) {
    return warn(`${node} answers on ${where}, which is none of the declared ${declared.join(", ")}`);
  }
  return pass(`${node} holds ${where}`);
}

async function instances(stats: HttpTarget, addresses: readonly string[]): Promise<Outcome> {
  if (addresses.length === 0) return skip("no load balancer addresses (stack output loadBalancerAddresses)");
  const answers = await Promise.all(
    addresses.map(async (address) => {
      const target = { ...stats, base: withHost(stats.base, address) };
      try {
        return { up: true, text: `${answeringNode(await httpText(target, "")) ?? "unnamed"} (${address}) up` };
      } catch (error) {
        return { up: false, text: describeError(error) };
      }
    }),
  );
  const down = answers.filter((answer) => !answer.up);
  const line = answers.map((answer) => answer.text).join("; ");
  // A standby that does not answer leaves the VIP without a fallback: degraded, not broken.
  return down.length > 0 ? warn(`degraded: ${line}`) : pass(line);
}
