/**
 * The rendered metrics part of haproxy.cfg in a live HAProxy on loopback: the exporter answers
 * on its port, and the VIP state backend is up exactly when the "VIP" is on one of this
 * machine's interfaces (127.0.0.1 is, on lo; 192.0.2.1, TEST-NET-1, is on none). The same
 * rendered file runs in both cases: only the address differs.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { renderHaproxyCfg } from "../../render/haproxyCfg";
import { HAPROXY_METRICS_PORT } from "../../render/haproxyMetrics";
import { parseExposition, samplesOf, vipHeldPerMetrics } from "../../ops/metrics/exposition";
import { placeholderHaproxySecrets, seedCluster, seedPair } from "./fixtures";
import { freePort, HAPROXY, inTempDirAsync, missing, waitForPort } from "./realBinaries";

/** What the exporter of a live HAProxy whose VIP is `vip` says, once its first VIP check ran (5 s at most). */
async function vipStateMetric(vip: string): Promise<boolean | undefined> {
  const port = await freePort();
  return inTempDirAsync(async (dir) => {
    // Every listener on a free loopback port; the exporter on the one we scrape.
    let others = port;
    const config = renderHaproxyCfg({ ...seedPair, virtualIp: vip }, seedCluster, "dev", placeholderHaproxySecrets)
      .replace(/bind :(\d+)/g, (_, p: string) => `bind 127.0.0.1:${Number(p) === HAPROXY_METRICS_PORT ? port : ++others + 1000}`)
      .replace(`${vip}:${HAPROXY_METRICS_PORT}`, `${vip}:${port}`);
    fs.writeFileSync(path.join(dir, "haproxy.cfg"), config);
    const haproxy = spawn(HAPROXY, ["-db", "-f", path.join(dir, "haproxy.cfg")], { stdio: "ignore" });
    try {
      await waitForPort(port);
      for (let i = 0; i < 50; i++) {
        const samples = parseExposition(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
        expect(samplesOf(samples, "haproxy_process_start_time_seconds")).toHaveLength(1);
        const held = vipHeldPerMetrics(samples);
        if (held !== undefined) return held;
        await new Promise((r) => setTimeout(r, 100));
      }
      return undefined;
    } finally {
      haproxy.kill("SIGTERM");
    }
  });
}

describe.skipIf(missing(HAPROXY))("the rendered metrics in a live HAProxy", () => {
  it("reports the VIP held (1) when its address is on this machine's interfaces", async () => {
    expect(await vipStateMetric("127.0.0.1")).toBe(true);
  });

  it("reports the VIP not held (0) when it is not", async () => {
    expect(await vipStateMetric("192.0.2.1")).toBe(false);
  });
});
