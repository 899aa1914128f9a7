/**
 * The shipped example of the seed's production plan (Pulumi.production.yaml, documentation
 * only: rendered, never deployed) on three Docker hosts: one docker provider per host, each
 * image, volume and container through its own host's provider, on its machine's network.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderToDir } from "../../cli/lib/renderToDir";

const projectDir = path.resolve(__dirname, "..", "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "rabbitmq-ha-render-production-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

interface ManifestEntry {
  type: string;
  name: string;
  provider?: string;
  inputs: Record<string, unknown>;
}

describe("Pulumi.production.yaml (three hosts)", () => {
  it("renders one docker provider per host and puts every container on its host's network", async () => {
    await renderToDir({ projectDir, stack: "production", outDir: out });
    const manifest = JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")) as ManifestEntry[];
    const short = (type: string) => type.split(":").at(-1);
    expect(manifest.filter((e) => e.type === "pulumi:providers:docker").map((e) => [e.name, e.inputs["host"]])).toEqual([
      ["hosts-mq-ram1", "ssh://deploy@192.168.8.40"],
      ["hosts-mq-ram2", "ssh://deploy@192.168.8.45"],
      ["hosts-mq-disc1", "ssh://deploy@192.168.8.150"],
    ]);
    const placed = manifest.filter((e) => ["Container", "RemoteImage", "Volume", "Network"].includes(short(e.type) ?? "")).map((e) => `${short(e.type)} ${e.name} -> ${e.provider}`);
    expect(placed.sort()).toEqual(
      [
        "RemoteImage cluster-image-mq-ram1 -> hosts-mq-ram1",
        "RemoteImage cluster-image-mq-ram2 -> hosts-mq-ram2",
        "RemoteImage cluster-image-mq-disc1 -> hosts-mq-disc1",
        "RemoteImage lb-image-mq-ram1 -> hosts-mq-ram1",
        "RemoteImage lb-image-mq-ram2 -> hosts-mq-ram2",
        "Volume cluster-rabbit-disc1-data -> hosts-mq-disc1",
        "Volume cluster-rabbit-ram1-data -> hosts-mq-ram1",
        "Volume cluster-rabbit-ram2-data -> hosts-mq-ram2",
        "Container cluster-rabbit-disc1-container -> hosts-mq-disc1",
        "Container cluster-rabbit-ram1-container -> hosts-mq-ram1",
        "Container cluster-rabbit-ram2-container -> hosts-mq-ram2",
        "Container lb-lb1-container -> hosts-mq-ram1",
        "Container lb-lb2-container -> hosts-mq-ram2",
      ].sort(),
    );
    for (const container of manifest.filter((e) => short(e.type) === "Container")) {
      expect(container.inputs["networkMode"], container.name).toBe("host");
      expect(container.inputs["networksAdvanced"], container.name).toBeUndefined();
    }
    const node = manifest.find((e) => e.name === "cluster-rabbit-ram1-container")!;
    expect(node.inputs["hosts"]).toEqual([
      { host: "rabbit-disc1", ip: "192.168.8.150" },
      { host: "rabbit-ram1", ip: "192.168.8.40" },
      { host: "rabbit-ram2", ip: "192.168.8.45" },
    ]);
  });
});
