/**
 * Scraping a deployed stack the way the rendered prometheus.yml does (render/prometheusConfig.ts
 * scrapeTargets: the same addresses and paths), and reading the VIP state out of the load
 * balancers' exporters (ops/metrics/exposition.ts vipHeldPerMetrics).
 */
import type { Deployment, LbHandle } from "../deployment";
import { parseExposition, type Sample, vipHeldPerMetrics } from "../../../ops/metrics/exposition";
import { type ScrapeTarget, scrapeTargets } from "../../../render/prometheusConfig";
import { waitFor } from "../containers";

const SCRAPE_TIMEOUT_MS = 5_000;

export async function scrape(url: string): Promise<Sample[]> {
  const response = await fetch(url, { signal: AbortSignal.timeout(SCRAPE_TIMEOUT_MS) });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return parseExposition(await response.text());
}

export function targetsOf(deployment: Deployment, job: ScrapeTarget["job"]): ScrapeTarget[] {
  return scrapeTargets(deployment.model).filter((t) => t.job === job);
}

/** What each load balancer's exporter says about the VIP: true, false, or why it could not say. */
export async function vipStatePerLb(deployment: Deployment): Promise<Map<string, boolean | string>> {
  const states = new Map<string, boolean | string>();
  for (const target of targetsOf(deployment, "haproxy")) {
    try {
      states.set(target.instance, vipHeldPerMetrics(await scrape(target.url)) ?? "no VIP check has run yet");
    } catch (error) {
      states.set(target.instance, `unreachable (${(error as Error).message})`);
    }
  }
  return states;
}

export const describeStates = (states: Map<string, boolean | string>): string =>
  [...states].map(([lb, state]) => `${lb}: ${state === true ? "holds" : state === false ? "does not hold" : state}`).join(", ");

/**
 * Waits until the metrics name `holder` as the one VIP holder: its exporter says held, every
 * other reachable one says not held, and the exporter through the VIP says held (it is the
 * holder's). Returns how long that took, in ms.
 */
export async function waitForMetricHolder(deployment: Deployment, holder: LbHandle, timeoutMs: number, othersMayBeDown = false): Promise<number> {
  const started = Date.now();
  let last = "";
  await waitFor(`the metrics to name ${holder.name} the VIP holder`, timeoutMs, async () => {
    const states = await vipStatePerLb(deployment);
    last = describeStates(states);
    const othersAgree = [...states].every(([lb, state]) => lb === holder.name || state === false || (othersMayBeDown && typeof state === "string" && state.startsWith("unreachable")));
    if (states.get(holder.name) !== true || !othersAgree) return false;
    const throughVip = vipHeldPerMetrics(await scrape(targetsOf(deployment, "haproxy-vip")[0]!.url));
    return throughVip === true;
  }, 100).catch((error: Error) => {
    throw new Error(`${error.message}; last seen: ${last}`);
  });
  return Date.now() - started;
}
