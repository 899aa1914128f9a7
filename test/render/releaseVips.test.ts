/**
 * The load-balancer entrypoint removes the VIPs keepalived.conf declares when no Keepalived
 * holds them (templates/loadbalancer/entrypoint.sh, `declared_vips`): with host networking a
 * dead Keepalived's VIP outlives its container. Its parser must read what the renderer writes,
 * on a bridge network and on a machine's named interface.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { renderKeepalivedConf } from "../../render/keepalivedConf";
import { seedPair } from "./fixtures";

const ENTRYPOINT = path.resolve(__dirname, "../../templates/loadbalancer/entrypoint.sh");

/** Runs the entrypoint's own declared_vips function on a rendered file. */
function declaredVips(conf: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rabbitmq-ha-vips-"));
  try {
    const file = path.join(dir, "keepalived.conf");
    fs.writeFileSync(file, conf);
    const script = `KEEPALIVED_CONF='${file}'; source <(sed -n '/^declared_vips()/,/^}/p' '${ENTRYPOINT}'); declared_vips`;
    return execFileSync("bash", ["-c", script], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("the entrypoint's declared_vips", () => {
  it("reads the VIP and the interface of the rendered keepalived.conf (bridge network: eth0)", () => {
    expect(declaredVips(renderKeepalivedConf(seedPair, seedPair.instances[0]!))).toBe(`${seedPair.virtualIp}/32 eth0\n`);
  });

  it("reads the machine's named interface with host networking", () => {
    const pair = { ...seedPair, networkMode: "host" as const, instances: seedPair.instances.map((i) => ({ ...i, interface: "enp3s0" })) };
    expect(declaredVips(renderKeepalivedConf(pair, pair.instances[1]!))).toBe(`${seedPair.virtualIp}/32 enp3s0\n`);
  });
});
